namespace HwDsl.Data;

/// <summary>One file a <see cref="Dataset"/> was loaded from.</summary>
/// <param name="Role">What the file holds: "train-images", "train-labels", "test-images" or "test-labels".</param>
/// <param name="Path">Full path of the file as read (raw IDX or gzip).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the uncompressed IDX content (for a raw file, the file's own hash).</param>
public sealed record DataFile(string Role, string Path, string Sha256);
