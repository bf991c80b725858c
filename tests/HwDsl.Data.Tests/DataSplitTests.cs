namespace HwDsl.Data.Tests;

public sealed class DataSplitTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_converts_pixels_to_float_over_255_and_labels_to_int()
    {
        var imageBytes = TempDir.Images(6, 2, 3);
        string images = _dir.Write("i", imageBytes, gzip: true);
        string labels = _dir.Write("l", TempDir.Labels(6));

        var split = DataSplit.Load(images, labels, classCount: 10);

        Assert.Equal((6, 6, 10), (split.Count, split.FeatureCount, split.ClassCount));
        Assert.Equal(36, split.Features.Length);
        for (int i = 0; i < 36; i++) Assert.Equal(imageBytes[16 + i] / 255f, split.Features[i]);
        Assert.Equal([0, 7, 4, 1, 8, 5], split.Labels);
        Assert.Equal(split.Features.AsSpan(12, 6).ToArray(), split.Row(2).ToArray());
    }

    [Fact]
    public void Count_mismatch_names_both_files()
    {
        string images = _dir.Write("imgs", TempDir.Images(5, 2, 2));
        string labels = _dir.Write("lbls", TempDir.Labels(4));

        var e = Assert.Throws<DataException>(() => DataSplit.Load(images, labels, 10));

        Assert.Contains(images, e.Message);
        Assert.Contains(labels, e.Message);
        Assert.Contains("5 images", e.Message);
        Assert.Contains("4 labels", e.Message);
    }

    [Fact]
    public void Label_out_of_range_names_the_label_file()
    {
        string images = _dir.Write("imgs", TempDir.Images(5, 2, 2));
        string labels = _dir.Write("lbls", TempDir.Labels(5, classes: 10));

        var e = Assert.Throws<DataException>(() => DataSplit.Load(images, labels, classCount: 3));

        Assert.StartsWith(labels + ": label 7 of sample 1 is outside [0, 3)", e.Message);
    }

    [Fact]
    public void Constructor_validates_sizes_and_labels()
    {
        Assert.Throws<ArgumentException>(() => new DataSplit(new float[5], [0, 1], 3, 2));
        Assert.Throws<ArgumentException>(() => new DataSplit(new float[6], [0, 2], 3, 2));
        Assert.Throws<ArgumentException>(() => new DataSplit(new float[6], [0, -1], 3, 2));
        Assert.Equal(2, new DataSplit(new float[6], [0, 1], 3, 2).Count);
    }
}
