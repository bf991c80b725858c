namespace HwDsl.Data.Tests;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Images_round_trip(bool gzip)
    {
        var bytes = TempDir.Images(5, 3, 4);
        // A misleading name: compression is detected from the content, not the extension.
        string path = _dir.Write(gzip ? "images.bin" : "images.gz", bytes, gzip);

        var images = IdxReader.ReadImages(path);

        Assert.Equal((5, 3, 4), (images.Count, images.Rows, images.Cols));
        Assert.Equal(bytes[16..], images.Pixels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Labels_round_trip(bool gzip)
    {
        var bytes = TempDir.Labels(9);
        string path = _dir.Write("labels", bytes, gzip);

        Assert.Equal(bytes[8..], IdxReader.ReadLabels(path));
    }

    [Fact]
    public void Content_hash_is_the_same_for_raw_and_gzip()
    {
        var bytes = TempDir.Images(2, 2, 2);
        IdxReader.ReadImages(_dir.Write("raw", bytes), out string raw);
        IdxReader.ReadImages(_dir.Write("gz", bytes, gzip: true), out string gz);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), raw);
        Assert.Equal(raw, gz);
    }

    public static TheoryData<string, bool, string> Corruptions() => new()
    {
        { "bad-magic", false, "bad magic number 0x00000801" },
        { "bad-magic", true, "bad magic number 0x00000801" },
        { "bad-type", false, "data type byte 0x0D" },
        { "bad-type", true, "data type byte 0x0D" },
        { "truncated", false, "truncated: header declares 4×3×2 = 24 pixel bytes, file holds 23" },
        { "truncated", true, "truncated: header declares 4×3×2 = 24 pixel bytes, decompressed content holds 23" },
        { "trailing", false, "2 trailing bytes: header declares 4×3×2 = 24 pixel bytes, file holds 26" },
        { "trailing", true, "2 trailing bytes: header declares 4×3×2 = 24 pixel bytes, decompressed content holds 26" },
        { "short-header", false, "truncated: 10 bytes, shorter than the 16-byte IDX images header" },
        { "zero-dim", false, "dimension 1 is 0" },
        { "huge-side", true, "exceeds the sane limit" },
        { "too-large", true, "more than one array can hold" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Every_corruption_is_a_DataException_naming_the_file(string kind, bool gzip, string problem)
    {
        var good = TempDir.Images(4, 3, 2);
        byte[] bytes = kind switch
        {
            "bad-magic" => TempDir.Idx(0x08, [4, 3, 2], good[16..], magicOverride: 0x00000801),
            "bad-type" => TempDir.Idx(0x0D, [4, 3, 2], good[16..]),
            "truncated" => good[..^1],
            "trailing" => [.. good, 1, 2],
            "short-header" => good[..10],
            "zero-dim" => TempDir.Idx(0x08, [4, 0, 2], []),
            "huge-side" => TempDir.Idx(0x08, [1, 70000, 2], []),
            "too-large" => TempDir.Idx(0x08, [60000, 60000, 60000], []),
            _ => throw new ArgumentException(kind),
        };
        string path = _dir.Write($"{kind}-idx3-ubyte", bytes, gzip);

        var e = Assert.Throws<DataException>(() => IdxReader.ReadImages(path));

        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Labels_file_read_as_images_is_bad_magic()
    {
        string path = _dir.Write("labels", TempDir.Labels(3));
        var e = Assert.Throws<DataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("bad magic number 0x00000801: expected 0x00000803", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Truncated_labels_name_the_file()
    {
        string path = _dir.Write("labels", TempDir.Labels(30)[..20], gzip: true);
        var e = Assert.Throws<DataException>(() => IdxReader.ReadLabels(path));
        Assert.Equal($"{path}: truncated: header declares 30 label bytes, decompressed content holds 12.", e.Message);
    }

    [Fact]
    public void Missing_file_and_corrupt_gzip_are_DataExceptions()
    {
        string missing = _dir.Combine("nope");
        Assert.StartsWith(missing + ": cannot read", Assert.Throws<DataException>(() => IdxReader.ReadLabels(missing)).Message);

        string corrupt = _dir.Write("corrupt", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Assert.StartsWith(corrupt + ": ", Assert.Throws<DataException>(() => IdxReader.ReadLabels(corrupt)).Message);
    }
}
