using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace HwDsl.Experiments;

/// <summary>
/// The <c>.npy</c> format, version 1.0 (numpy.lib.format): the magic <c>\x93NUMPY</c>, version bytes 1 0, a
/// little-endian uint16 header length, an ASCII Python dict literal
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (784, 256), }</c> padded with spaces and ended by a newline so
/// the data starts on a multiple of 64 bytes, then the raw values in C order.
/// </summary>
public static partial class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>NumPy's type string for the element type of <paramref name="data"/>.</summary>
    public static string Descr(Array data) => (data ?? throw new ArgumentNullException(nameof(data))).GetType() switch
    {
        // Types are matched exactly: the runtime lets a byte[] pass as sbyte[] and back.
        var t when t == typeof(float[]) => "<f4",
        var t when t == typeof(double[]) => "<f8",
        var t when t == typeof(int[]) => "<i4",
        var t when t == typeof(long[]) => "<i8",
        var t when t == typeof(sbyte[]) => "|i1",
        var t when t == typeof(byte[]) => "|u1",
        _ => throw new ArgumentException($"arrays of {data.GetType().GetElementType()?.Name ?? data.GetType().Name} cannot be written as .npy; use float, double, int, long, byte or sbyte."),
    };

    /// <summary>Writes <paramref name="array"/> as a complete <c>.npy</c> file to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        var shape = array.Shape.Count switch
        {
            0 => "()",
            1 => $"({array.Shape[0].ToString(CultureInfo.InvariantCulture)},)",
            _ => $"({string.Join(", ", array.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))})",
        };
        var dict = $"{{'descr': '{Descr(array.Data)}', 'fortran_order': False, 'shape': {shape}, }}";
        var total = Magic.Length + 2 + 2 + dict.Length + 1;
        var padded = dict + new string(' ', (64 - total % 64) % 64) + "\n";
        stream.Write(Magic);
        stream.Write([1, 0]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, checked((ushort)padded.Length));
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(padded));
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException(".npy export assumes a little-endian machine.");
        stream.Write(Bytes(array.Data));
    }

    /// <summary>Reads one <c>.npy</c> file (versions 1.0–3.0, C order, the types <see cref="Descr"/> names) named <paramref name="name"/>.</summary>
    public static NpyArray Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var prefix = ReadExactly(stream, 8, name);
        if (!prefix.AsSpan(0, 6).SequenceEqual(Magic)) throw new InvalidDataException($"{name}: not a .npy file (no \\x93NUMPY magic).");
        var major = prefix[6];
        int headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(ReadExactly(stream, 2, name))
            : major is 2 or 3 ? checked((int)BinaryPrimitives.ReadUInt32LittleEndian(ReadExactly(stream, 4, name)))
            : throw new InvalidDataException($"{name}: .npy version {major} is not supported.");
        var header = Encoding.Latin1.GetString(ReadExactly(stream, headerLength, name));
        var descr = HeaderField().Match(header) is { Success: true } m ? m.Groups[1].Value : throw new InvalidDataException($"{name}: header has no 'descr': {header.Trim()}");
        if (header.Contains("'fortran_order': True", StringComparison.Ordinal)) throw new InvalidDataException($"{name}: Fortran-order arrays are not supported.");
        var shapeText = ShapeField().Match(header) is { Success: true } s ? s.Groups[1].Value : throw new InvalidDataException($"{name}: header has no 'shape': {header.Trim()}");
        int[] shape = [.. shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => int.Parse(d, CultureInfo.InvariantCulture))];
        var count = shape.Aggregate(1L, (a, d) => a * d);
        Array data = descr switch
        {
            "<f4" => new float[count],
            "<f8" => new double[count],
            "<i4" => new int[count],
            "<i8" => new long[count],
            "|u1" or "<u1" => new byte[count],
            "|i1" or "<i1" => new sbyte[count],
            "|b1" => new byte[count],
            _ => throw new InvalidDataException($"{name}: element type '{descr}' is not supported."),
        };
        stream.ReadExactly(Bytes(data));
        return new NpyArray(name, shape, data);
    }

    // Every supported element type is a primitive: the array's memory is its raw little-endian bytes.
    private static Span<byte> Bytes(Array data) => MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(data), Buffer.ByteLength(data));

    private static byte[] ReadExactly(Stream stream, int count, string name)
    {
        var buffer = new byte[count];
        try { stream.ReadExactly(buffer); }
        catch (EndOfStreamException) { throw new InvalidDataException($"{name}: the .npy file ends early."); }
        return buffer;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']+)'")]
    private static partial Regex HeaderField();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeField();
}
