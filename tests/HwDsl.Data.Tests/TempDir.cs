using System.Buffers.Binary;
using System.IO.Compression;

namespace HwDsl.Data.Tests;

/// <summary>A temporary folder that writes small IDX files and deletes itself.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Path = Directory.CreateTempSubdirectory("hwdsl-data-test-").FullName;

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }

    /// <summary>IDX bytes: two zero bytes, type, dimension count, big-endian sizes, data.</summary>
    public static byte[] Idx(byte type, int[] dims, byte[] data, int? magicOverride = null)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magicOverride ?? (type << 8 | dims.Length));
        for (int d = 0; d < dims.Length; d++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dims[d]);
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    public static byte[] Images(int count, int rows, int cols, int seed = 1)
    {
        var pixels = new byte[count * rows * cols];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 37 + seed * 11);
        return Idx(0x08, [count, rows, cols], pixels);
    }

    public static byte[] Labels(int count, int classes = 10)
    {
        var labels = new byte[count];
        for (int i = 0; i < count; i++) labels[i] = (byte)(i * 7 % classes);
        return Idx(0x08, [count], labels);
    }

    public string Write(string name, byte[] content, bool gzip = false)
    {
        string path = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        if (!gzip)
        {
            File.WriteAllBytes(path, content);
            return path;
        }
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(content);
        return path;
    }
}
