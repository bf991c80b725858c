namespace HwDsl.Data;

/// <summary>Smaller data sets for quick runs (scripts' <c>--quick</c>, tests).</summary>
public static class DatasetSubset
{
    /// <summary>The first <paramref name="train"/> training and <paramref name="test"/> test examples (all when fewer), same name and image shape.</summary>
    public static Dataset Take(this Dataset data, int train, int test)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Dataset(data.Name, data.Train.Take(train), data.Test.Take(test), data.Files);
    }
}
