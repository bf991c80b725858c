namespace HwDsl.Data;

/// <summary>Smaller data sets for quick runs (scripts' <c>--quick</c>, tests).</summary>
public static class DatasetSubset
{
    /// <summary>The first <paramref name="train"/> training and <paramref name="test"/> test examples (all when fewer), same name.</summary>
    public static Dataset Take(this Dataset data, int train, int test)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Dataset(data.Name, Take(data.Train, train), Take(data.Test, test), data.Files);
    }

    private static DataSplit Take(DataSplit split, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), $"a subset needs at least 1 example; got {count}.");
        var n = Math.Min(count, split.Count);
        return new DataSplit(split.Features.AsSpan(0, n * split.FeatureCount).ToArray(), split.Labels.AsSpan(0, n).ToArray(), split.FeatureCount, split.ClassCount);
    }
}
