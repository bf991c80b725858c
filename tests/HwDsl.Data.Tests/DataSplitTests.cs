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

    [Fact]
    public void Idx_images_carry_their_shape_and_subsets_keep_it()
    {
        // 6 images of 2 rows × 3 columns: one channel, height 2, width 3, in the IDX's row-major order.
        var split = DataSplit.Load(_dir.Write("i", TempDir.Images(6, 2, 3)), _dir.Write("l", TempDir.Labels(6)), classCount: 10);
        Assert.Equal(new ImageShape(1, 2, 3), split.Shape);
        Assert.Equal(6, split.Shape!.Size);
        Assert.Equal("1×2×3", split.Shape.ToString());

        var first = split.Take(4);
        Assert.Equal((4, split.Shape), (first.Count, first.Shape));
        Assert.Equal(split.Features.AsSpan(0, 24).ToArray(), first.Features);
        var data = new Dataset("d", split, split.Take(2), []).Take(3, 1);
        Assert.Equal(split.Shape, data.Shape);
        Assert.Equal((3, 1), (data.Train.Count, data.Test.Count));
    }

    [Fact]
    public void A_shape_must_fit_the_features_and_agree_between_splits()
    {
        var e = Assert.Throws<ArgumentException>(() => new DataSplit(new float[12], [0, 1], 6, 2, new ImageShape(1, 2, 2)));
        Assert.Contains("1×2×2 holds 4 values per sample, but samples have 6 features", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageShape(0, 28, 28));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageShape(1, 28, -1));
        var flat = new DataSplit(new float[12], [0, 1], 6, 2);
        Assert.Null(flat.Shape);
        var image = new DataSplit(new float[12], [0, 1], 6, 2, new ImageShape(2, 1, 3));
        var mismatch = Assert.Throws<ArgumentException>(() => new Dataset("d", image, flat, []));
        Assert.Contains("train images are 2×1×3, test images not images", mismatch.Message);
    }
}
