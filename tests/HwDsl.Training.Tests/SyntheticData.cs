using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Training.Tests;

/// <summary>Gaussian blobs: one centre per class, unit noise, so a small MLP separates them well but not trivially.</summary>
internal static class SyntheticData
{
    public static Dataset Blobs(int features, int classes, int trainCount, int testCount, ulong seed = 11, double spread = 1.0)
    {
        var rng = new SeededRandom(seed);
        var centres = new double[classes, features];
        for (var c = 0; c < classes; c++)
            for (var f = 0; f < features; f++) centres[c, f] = rng.NextNormal() * 3.0 / Math.Sqrt(features) * 2;
        DataSplit Split(int count)
        {
            var x = new float[count * features];
            var y = new int[count];
            for (var i = 0; i < count; i++)
            {
                y[i] = rng.NextInt(classes);
                for (var f = 0; f < features; f++) x[i * features + f] = (float)(centres[y[i], f] + spread * rng.NextNormal() / Math.Sqrt(features) * 3);
            }
            return new DataSplit(x, y, features, classes);
        }
        return new Dataset("blobs", Split(trainCount), Split(testCount), []);
    }
}
