using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Experiments.Tests;

/// <summary>Small Gaussian blobs in [0, 1] (24 features, 3 classes) so run tests train in well under a second.</summary>
internal static class TestBlobs
{
    public const int Features = 24, Classes = 3;

    public static DatasetRef Ref => Datasets.Named("blobs", Classes, Features);

    public static Dataset Create(int train = 600, int test = 300)
    {
        var rng = new SeededRandom(21);
        var centres = Enumerable.Range(0, Classes).Select(_ => Enumerable.Range(0, Features).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        DataSplit Split(int n)
        {
            var x = new float[n * Features];
            var y = new int[n];
            for (var i = 0; i < n; i++)
            {
                y[i] = rng.NextInt(Classes);
                for (var f = 0; f < Features; f++) x[i * Features + f] = (float)Math.Clamp(centres[y[i]][f] + 0.3 * rng.NextNormal(), 0, 1);
            }
            return new DataSplit(x, y, Features, Classes);
        }
        return new Dataset("blobs", Split(train), Split(test), []);
    }
}
