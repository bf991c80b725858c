namespace HwDsl;

/// <summary>
/// The dies a network is evaluated on: <see cref="Count"/> dies sampled from the hardware's defect statistics with
/// <see cref="Seed"/> (die i is the same whatever the count), or measured die maps loaded from <see cref="Files"/>
/// (CSV: <c>layer,row,column,element,state,value</c>; see <c>DieMapFile</c> in the compiler).
/// </summary>
/// <param name="Count">Number of dies, ≥ 1 (for files: the number of files).</param>
/// <param name="Seed">Seed of the sampled population (unused for files).</param>
/// <param name="Files">Die map files, one die each, or null for sampled dies.</param>
public sealed record DiePopulation(int Count, int Seed, IReadOnlyList<string>? Files)
{
    /// <summary>True when the dies are measured maps read from files.</summary>
    public bool IsLoaded => Files is not null;

    /// <inheritdoc />
    public bool Equals(DiePopulation? other) =>
        other is not null && Count == other.Count && Seed == other.Seed
        && (Files is null ? other.Files is null : other.Files is not null && Files.SequenceEqual(other.Files));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Seed, Files?.Count);

    /// <inheritdoc />
    public override string ToString() => IsLoaded ? $"{Count} measured die map(s): {string.Join(", ", Files!)}" : $"{Count} sampled dies, seed {Seed}";
}
