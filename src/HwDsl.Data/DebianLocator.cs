namespace HwDsl.Data;

/// <summary>Finds the folder where a Debian package installed a data set's files.</summary>
internal static class DebianLocator
{
    /// <summary>
    /// Asks <c>dpkg -L</c> where the package put the spec's files; falls back to the spec's known folder.
    /// Returns the folder holding all four files (raw or .gz), or null.
    /// </summary>
    public static string? Find(DatasetSpec spec, StoreTools tools)
    {
        foreach (var dir in Candidates(spec, tools))
            if (DatasetStore.FindFiles(spec, dir) is not null) return dir;
        return null;
    }

    private static IEnumerable<string> Candidates(DatasetSpec spec, StoreTools tools)
    {
        ProcessRunner.Result? listing = null;
        try
        {
            listing = ProcessRunner.Run(tools.Dpkg, ["-L", spec.Package], Path.GetTempPath(), TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException) { }
        if (listing is { ExitCode: 0 })
        {
            var names = spec.Files.SelectMany(f => new[] { f.FileName, f.FileName + ".gz" }).ToHashSet(StringComparer.Ordinal);
            foreach (var dir in listing.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                         .Where(line => names.Contains(Path.GetFileName(line)))
                         .Select(line => Path.GetDirectoryName(line)!)
                         .Distinct(StringComparer.Ordinal))
                yield return dir;
        }
        if (tools.UseDebianFallbackFolder) yield return spec.PackageFolder;
    }
}
