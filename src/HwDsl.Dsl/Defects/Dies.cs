namespace HwDsl;

/// <summary>Die populations: <c>Dies.Sample(36, seed: 1)</c> or <c>Dies.Load("measured/die03.csv")</c>.</summary>
public static class Dies
{
    /// <summary><paramref name="count"/> dies sampled from the hardware's defect statistics; die i depends on (seed, i) only.</summary>
    /// <param name="count">Number of dies, ≥ 1 (HW0507).</param>
    /// <param name="seed">Population seed.</param>
    public static DiePopulation Sample(int count, int seed = 0) => new(count, seed, null);

    /// <summary>Measured die maps, one file per die (a file, or a pattern such as <c>measured/*.csv</c>, expanded in name order).</summary>
    /// <param name="paths">Files or patterns.</param>
    public static DiePopulation Load(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = paths.SelectMany(Expand).ToList();
        return new DiePopulation(files.Count, 0, new EquatableList<string>(files));
    }

    private static IEnumerable<string> Expand(string path)
    {
        if (string.IsNullOrEmpty(path) || !path.Contains('*')) return [path];
        var dir = Path.GetDirectoryName(path);
        var folder = string.IsNullOrEmpty(dir) ? "." : dir;
        // A pattern that matches nothing stays as it is, so Build() reports it (HW0520) instead of an empty population.
        var found = Directory.Exists(folder) ? Directory.GetFiles(folder, Path.GetFileName(path)).Order(StringComparer.Ordinal).ToList() : [];
        return found.Count > 0 ? found : [path];
    }
}
