using HwDsl.Data;

namespace HwDsl.Experiments;

/// <summary>The small subset <c>--quick</c> trains and tests on: the first samples of each split (seconds, not minutes).</summary>
public static class QuickData
{
    /// <summary>Training samples kept in quick mode.</summary>
    public const int TrainCount = 6000;

    /// <summary>Test samples kept in quick mode.</summary>
    public const int TestCount = 2000;

    /// <summary>The first <see cref="TrainCount"/> training and <see cref="TestCount"/> test samples of <paramref name="full"/>.</summary>
    public static Dataset Subset(Dataset full)
    {
        ArgumentNullException.ThrowIfNull(full);
        return new Dataset(full.Name, Take(full.Train, TrainCount), Take(full.Test, TestCount), full.Files);
    }

    private static DataSplit Take(DataSplit split, int count)
    {
        count = Math.Min(count, split.Count);
        return new DataSplit(split.Features.AsSpan(0, count * split.FeatureCount).ToArray(), split.Labels.AsSpan(0, count).ToArray(),
            split.FeatureCount, split.ClassCount, split.Shape);
    }
}
