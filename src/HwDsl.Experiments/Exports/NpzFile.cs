using System.IO.Compression;

namespace HwDsl.Experiments;

/// <summary>
/// <c>.npz</c> files: a zip of <c>.npy</c> files, one per array, as NumPy's <c>np.savez_compressed</c> writes them
/// (deflate) and <c>np.load</c> reads them (a key is the entry name without <c>.npy</c>).
/// </summary>
public static class NpzFile
{
    /// <summary>Writes <paramref name="arrays"/> to <paramref name="path"/> atomically; names must be unique.</summary>
    public static void Write(string path, IEnumerable<NpyArray> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var array in arrays)
            {
                if (!names.Add(array.Name)) throw new ArgumentException($"two arrays are named '{array.Name}'.");
                using var entry = zip.CreateEntry(array.Name + ".npy", CompressionLevel.Fastest).Open();
                NpyFormat.Write(entry, array);
            }
        }
        RunFolder.WriteAtomic(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Reads every array of <paramref name="path"/>, in file order.</summary>
    public static IReadOnlyList<NpyArray> Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var arrays = new List<NpyArray>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            arrays.Add(NpyFormat.Read(stream, entry.FullName[..^4]));
        }
        return arrays;
    }
}
