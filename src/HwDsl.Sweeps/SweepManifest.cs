namespace HwDsl.Sweeps;

/// <summary>
/// <c>sweep.json</c>: everything needed to run, resume, inspect or merge a sweep after the fact, on any machine
/// that sees the folder. Points keep their index for the life of the sweep (it is their Slurm array index).
/// </summary>
public sealed record SweepManifest(
    int Version,
    string Name,
    PointCommand Command,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<SweepPoint> Points,
    DateTime CreatedUtc)
{
    /// <summary>The format written by this version.</summary>
    public const int CurrentVersion = 1;
}
