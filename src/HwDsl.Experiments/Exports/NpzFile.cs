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
                var entry = zip.CreateEntry(array.Name + ".npy", CompressionLevel.Fastest);
                // A fixed time stamp (a day after zip's earliest, so that any time zone can store it): the same arrays give
                // the same bytes. With the default (now), two writes of the same weights a 2-second tick apart differed and
                // a byte-for-byte test of them was flaky.
                entry.LastWriteTime = new DateTimeOffset(1980, 1, 2, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                NpyFormat.Write(stream, array);
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
