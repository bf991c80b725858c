namespace HwDsl.Sweeps;

/// <summary>
/// One task of a sweep. <see cref="Index"/> is its position in the manifest (and its Slurm array index, so a
/// resumed sweep keeps every point's index); <see cref="Id"/> depends on the values only (<see cref="PointId"/>).
/// </summary>
public sealed record SweepPoint(int Index, string Id, IReadOnlyList<ParameterValue> Values)
{
    /// <summary>The value of <paramref name="name"/>, or null when this point does not set it.</summary>
    public string? this[string name] => Values.FirstOrDefault(v => v.Name == name)?.Value;

    /// <summary><c>bits=4,ratio=10,seed=0</c> in declaration order, as on the command line.</summary>
    public string Describe() => string.Join(',', Values);
}
