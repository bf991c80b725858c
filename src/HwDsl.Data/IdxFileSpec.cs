namespace HwDsl.Data;

/// <summary>One pinned file of a known data set: its role, its canonical IDX name, and the SHA-256 of its IDX content.</summary>
internal sealed record IdxFileSpec(string Role, string FileName, string Sha256);
