namespace HwDsl.Kernels;

/// <summary>
/// A sorted table of achievable values q_0 &lt; … &lt; q_(M−1) (e.g. a layer's effective weights in units of w_max) with
/// an O(1) cell lookup: a uniform grid over [q_0, q_(M−1)] whose cells store where to start a short forward scan.
/// </summary>
/// <remarks>
/// The grid cell of x is c(x) = min(⌊(x − q_0)·scale⌋, G − 1), computed in float exactly as the kernels do. Since those
/// float operations are monotone, c(q_j) &lt; c(x) implies q_j &lt; x; so the start of cell g is the last level j with
/// c(q_j) &lt; g, and the scan needs at most as many steps as the most levels any one grid cell holds
/// (<see cref="MaxScan"/>). The grid is refined (up to 2²⁰ cells) until that is at most 1; then every grid cell stores
/// (q_j0, q_(j0+1), q_(j0+2), threshold) in <see cref="CellData"/>, and a value's cell is q_j0..q_(j0+1), or the next one when
/// x ≥ threshold: one 16-byte read per weight, no scan. Tables that need a longer scan even then use the scan.
/// </remarks>
public sealed class LevelTable
{
    private const int MaxGridCells = 1 << 20;

    /// <summary>Builds the table; <paramref name="levels"/> must be finite and strictly increasing, at least 2 values.</summary>
    public LevelTable(ReadOnlySpan<float> levels)
    {
        if (levels.Length < 2) throw new ArgumentException($"a level table needs at least 2 levels; got {levels.Length}.", nameof(levels));
        for (var i = 0; i < levels.Length; i++)
        {
            if (!float.IsFinite(levels[i])) throw new ArgumentException($"level {i} is not finite ({levels[i]}).", nameof(levels));
            if (i > 0 && !(levels[i] > levels[i - 1]))
                throw new ArgumentException($"levels must be strictly increasing; level {i} = {levels[i]:R} follows {levels[i - 1]:R}.", nameof(levels));
        }

        Count = levels.Length;
        Padded = new float[Count + 1];
        levels.CopyTo(Padded);
        Padded[Count] = float.PositiveInfinity; // the scan's sentinel: never ≤ x
        Min = levels[0];
        Max = levels[^1];

        var cells = Math.Max(16, 2 * Count);
        while (true)
        {
            GridCells = cells;
            GridScale = (float)(cells / ((double)Max - Min));
            if (!float.IsFinite(GridScale)) throw new ArgumentException($"level range [{Min}, {Max}] is too narrow for a lookup grid.", nameof(levels));
            MaxScan = BuildGrid(out var grid);
            Grid = grid;
            if (MaxScan <= 1 || cells >= MaxGridCells) break;
            cells = Math.Min(cells * 2, MaxGridCells);
        }
        if (MaxScan <= 1) CellData = BuildCellData();
    }

    /// <summary>Number of levels M.</summary>
    public int Count { get; }

    /// <summary>q_0.</summary>
    public float Min { get; }

    /// <summary>q_(M−1).</summary>
    public float Max { get; }

    /// <summary>The levels, ascending.</summary>
    public ReadOnlySpan<float> Levels => Padded.AsSpan(0, Count);

    /// <summary>The levels followed by +∞ (so q[j+1] can always be read).</summary>
    internal float[] Padded { get; }

    /// <summary>Per grid cell: the level index to start the scan from.</summary>
    internal int[] Grid { get; private set; } = [];

    internal int GridCells { get; private set; }

    /// <summary>Per grid cell, when <see cref="MaxScan"/> ≤ 1: q_j0, q_(j0+1), q_(j0+2) and the threshold (q_(j0+1), or
    /// +∞ when j0 is the last cell) from which x belongs to cell j0 + 1. Null otherwise.</summary>
    internal float[]? CellData { get; }

    internal float GridScale { get; private set; }

    /// <summary>The most forward steps the scan can need after the grid lookup.</summary>
    internal int MaxScan { get; private set; }

    /// <summary>The cell j (0 ≤ j ≤ M−2) with q_j ≤ x &lt; q_(j+1), for x clipped to [q_0, q_(M−1)]; q_(M−1) is in cell M−2.</summary>
    public int Cell(float x)
    {
        x = Clip(x);
        var j = Grid[GridCell(x)];
        while (Padded[j + 1] <= x) j++;
        return Math.Min(j, Count - 2);
    }

    /// <summary>
    /// The index of the nearest level to x (clipped to the table's range); at the exact midpoint of a cell, the upper one.
    /// Decided as 2(x − q_j) ≥ q_(j+1) − q_j in float, exactly as the hard kernels decide it.
    /// </summary>
    public int NearestIndex(float x)
    {
        x = Clip(x);
        var j = Cell(x);
        var offset = x - Padded[j];
        return offset + offset >= Padded[j + 1] - Padded[j] ? j + 1 : j;
    }

    // Same comparison semantics as Avx.Max / Avx.Min (NaN goes to Min).
    internal float Clip(float x)
    {
        x = x > Min ? x : Min;
        return x < Max ? x : Max;
    }

    internal int GridCell(float clipped) => Math.Min((int)((clipped - Min) * GridScale), GridCells - 1);

    private int BuildGrid(out int[] grid)
    {
        grid = new int[GridCells];
        var counts = new int[GridCells];
        var next = 0; // levels with cell < g are 0..next-1
        var maxScan = 0;
        for (var g = 0; g < GridCells; g++)
        {
            while (next < Count && GridCell(Padded[next]) < g) next++;
            grid[g] = Math.Max(next - 1, 0);
        }
        // Level 0 lies in cell 0 and is where cell 0's scan starts, so it never costs a step.
        for (var j = 1; j < Count; j++) maxScan = Math.Max(maxScan, ++counts[GridCell(Padded[j])]);
        return maxScan;
    }

    private float[] BuildCellData()
    {
        var data = new float[4 * GridCells];
        for (var g = 0; g < GridCells; g++)
        {
            var j0 = Math.Min(Grid[g], Count - 2);
            data[4 * g] = Padded[j0];
            data[4 * g + 1] = Padded[j0 + 1];
            data[4 * g + 2] = j0 + 2 < Count ? Padded[j0 + 2] : float.PositiveInfinity;
            data[4 * g + 3] = j0 + 2 < Count ? Padded[j0 + 1] : float.PositiveInfinity;
        }
        return data;
    }
}
