namespace HwDsl.Data;

/// <summary>Whether a known data set can be loaded without fetching, for a <c>describe</c> command.</summary>
/// <param name="Name">The data set's name, e.g. "mnist".</param>
/// <param name="Available">True when all four IDX files were found (checksums are verified on load, not here).</param>
/// <param name="Location">The folder the files are (or would be) read from.</param>
/// <param name="SizeBytes">Total size on disk of the files found.</param>
/// <param name="Detail">A one-line explanation: where the files come from, or how to get them.</param>
public sealed record DatasetStatus(string Name, bool Available, string Location, long SizeBytes, string Detail);
