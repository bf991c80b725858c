using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace HwDsl.Data;

/// <summary>
/// Reads IDX files (the MNIST format): a big-endian header — two zero bytes, a data-type byte
/// (0x08 = unsigned byte), a dimension count — then one 32-bit size per dimension, then the data.
/// Files may be raw or gzip-compressed; compression is detected by the gzip magic bytes 1F 8B, not the name.
/// The file must hold exactly the bytes its header declares. Every problem is a <see cref="DataException"/>
/// whose message starts with the file's path.
/// </summary>
public static class IdxReader
{
    /// <summary>Magic number of an IDX file of unsigned-byte images: type 0x08, three dimensions.</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of an IDX file of unsigned-byte labels: type 0x08, one dimension.</summary>
    public const int LabelsMagic = 0x00000801;

    private const byte UnsignedByteType = 0x08;

    // Larger images than this are not what an IDX image file of this toolkit is for; the bound also keeps
    // Rows×Cols and Count×Rows×Cols far from overflow before the total is checked against Array.MaxLength.
    private const int MaxImageSide = 1 << 16;

    /// <summary>Reads an IDX3 unsigned-byte image file (raw or gzip).</summary>
    /// <param name="path">Path of the file.</param>
    /// <returns>The images, with Count×Rows×Cols pixel bytes.</returns>
    /// <exception cref="DataException">The file cannot be read, has a wrong header, or is truncated or too long.</exception>
    public static IdxImages ReadImages(string path) => ReadImages(path, out _);

    /// <summary>Reads an IDX1 unsigned-byte label file (raw or gzip).</summary>
    /// <param name="path">Path of the file.</param>
    /// <returns>One byte per label.</returns>
    /// <exception cref="DataException">The file cannot be read, has a wrong header, or is truncated or too long.</exception>
    public static byte[] ReadLabels(string path) => ReadLabels(path, out _);

    /// <summary>Reads images and also returns the SHA-256 (lower-case hex) of the uncompressed IDX content.</summary>
    internal static IdxImages ReadImages(string path, out string sha256)
    {
        var (dims, data) = Read(path, dimensionCount: 3, out sha256);
        return new IdxImages(dims[0], dims[1], dims[2], data);
    }

    /// <summary>Reads labels and also returns the SHA-256 (lower-case hex) of the uncompressed IDX content.</summary>
    internal static byte[] ReadLabels(string path, out string sha256) => Read(path, dimensionCount: 1, out sha256).Data;

    /// <summary>True when the file starts with the gzip magic bytes 1F 8B.</summary>
    internal static bool IsGzip(Stream stream)
    {
        Span<byte> head = stackalloc byte[2];
        int n = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return n == 2 && head[0] == 0x1F && head[1] == 0x8B;
    }

    private static (int[] Dims, byte[] Data) Read(string path, int dimensionCount, out string sha256)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            bool gzip = IsGzip(file);
            using Stream content = gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
            return Read(path, content, gzip ? null : file.Length, dimensionCount, out sha256);
        }
        catch (DataException) { throw; }
        catch (InvalidDataException e) { throw new DataException($"{path}: corrupt gzip stream: {e.Message}", e); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new DataException($"{path}: cannot read: {e.Message}", e);
        }
    }

    // rawLength is the file length for a raw file (checked before allocating) and null for gzip content,
    // whose length is only known by reading it.
    private static (int[] Dims, byte[] Data) Read(string path, Stream content, long? rawLength, int dimensionCount, out string sha256)
    {
        string what = dimensionCount == 3 ? "images" : "labels";
        string holder = rawLength is null ? "decompressed content holds" : "file holds";
        int headerLength = 4 + 4 * dimensionCount;
        Span<byte> header = stackalloc byte[headerLength];
        int got = content.ReadAtLeast(header, headerLength, throwOnEndOfStream: false);
        if (got >= 4) CheckMagic(path, header, dimensionCount, what);
        if (got < headerLength)
            throw new DataException($"{path}: truncated: {got} bytes, shorter than the {headerLength}-byte IDX {what} header.");

        var dims = new int[dimensionCount];
        long total = 1;
        for (int d = 0; d < dimensionCount; d++)
        {
            int size = BinaryPrimitives.ReadInt32BigEndian(header.Slice(4 + 4 * d, 4));
            if (size <= 0)
                throw new DataException($"{path}: dimension {d} is {size}; IDX {what} dimensions must be positive.");
            if (d > 0 && size > MaxImageSide)
                throw new DataException($"{path}: image side {size} exceeds the sane limit of {MaxImageSide}.");
            dims[d] = size;
            total *= size;
        }
        string shape = string.Join("×", dims);
        string declared = dimensionCount == 3 ? $"{shape} = {total} pixel bytes" : $"{total} label bytes";
        if (total > Array.MaxLength)
            throw new DataException($"{path}: header declares {declared}, more than one array can hold ({Array.MaxLength}).");

        if (rawLength is long length)
        {
            long body = length - headerLength;
            if (body < total) throw new DataException($"{path}: truncated: header declares {declared}, {holder} {body}.");
            if (body > total) throw new DataException($"{path}: {body - total} trailing bytes: header declares {declared}, {holder} {body}.");
        }

        var data = GC.AllocateUninitializedArray<byte>((int)total);
        int read = content.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read < data.Length) throw new DataException($"{path}: truncated: header declares {declared}, {holder} {read}.");
        if (rawLength is null)
        {
            long extra = CountRemaining(content);
            if (extra > 0) throw new DataException($"{path}: {extra} trailing bytes: header declares {declared}, {holder} {total + extra}.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(header);
        hash.AppendData(data);
        sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        return (dims, data);
    }

    private static void CheckMagic(string path, ReadOnlySpan<byte> header, int dimensionCount, string what)
    {
        int expected = dimensionCount == 3 ? ImagesMagic : LabelsMagic;
        int magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (header[0] != 0 || header[1] != 0 || header[3] != dimensionCount)
            throw new DataException($"{path}: bad magic number 0x{magic:X8}: expected 0x{expected:X8} (IDX unsigned-byte {what}, {dimensionCount} dimension{(dimensionCount == 1 ? "" : "s")}).");
        if (header[2] != UnsignedByteType)
            throw new DataException($"{path}: data type byte 0x{header[2]:X2} is not unsigned byte (0x08); magic number 0x{magic:X8}, expected 0x{expected:X8}.");
    }

    private static long CountRemaining(Stream content)
    {
        Span<byte> sink = stackalloc byte[4096];
        long total = 0;
        int n;
        while ((n = content.Read(sink)) > 0) total += n;
        return total;
    }
}
