using HwDsl.Data;

namespace HwDsl.Compiler.Tests;

/// <summary>The first n training and m test images of MNIST, loaded once per test run (small, fixed-seed accuracy checks).</summary>
internal static class MnistSubset
{
    private static readonly Lazy<Dataset> Full = new(() => new DatasetStore().Load("mnist"));

    public static Dataset Take(int train, int test)
    {
        var full = Full.Value;
        static DataSplit Cut(DataSplit s, int n) => new(s.Features[..(n * s.FeatureCount)], s.Labels[..n], s.FeatureCount, s.ClassCount);
        return new Dataset(full.Name, Cut(full.Train, train), Cut(full.Test, test), full.Files);
    }
}
