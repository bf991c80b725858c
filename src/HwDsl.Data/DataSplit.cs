namespace HwDsl.Data;

/// <summary>
/// One split (train or test) of a classification data set, ready for training: features as floats,
/// <c>Features[i * FeatureCount + j]</c> = feature j of sample i, and one class index per sample.
/// </summary>
public sealed class DataSplit
{
    /// <summary>Creates a split from features and labels already in memory, validating their sizes and ranges.</summary>
    /// <param name="features">Count×FeatureCount values, row-major. Kept, not copied.</param>
    /// <param name="labels">Count class indices in [0, ClassCount). Kept, not copied.</param>
    /// <param name="featureCount">Features per sample.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="shape">How each sample's features form an image, or null when they do not; its size must be <paramref name="featureCount"/>.</param>
    /// <exception cref="ArgumentException">Sizes do not agree or a label is out of range.</exception>
    public DataSplit(float[] features, int[] labels, int featureCount, int classCount, ImageShape? shape = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        if ((long)labels.Length * featureCount != features.Length)
            throw new ArgumentException($"features hold {features.Length} values; {labels.Length} labels × {featureCount} features need {(long)labels.Length * featureCount}.", nameof(features));
        if (shape is not null && shape.Size != featureCount)
            throw new ArgumentException($"image shape {shape} holds {shape.Size} values per sample, but samples have {featureCount} features.", nameof(shape));
        int bad = FirstOutOfRange(labels, classCount);
        if (bad >= 0)
            throw new ArgumentException($"label {labels[bad]} of sample {bad} is outside [0, {classCount}).", nameof(labels));
        Features = features;
        Labels = labels;
        Count = labels.Length;
        FeatureCount = featureCount;
        ClassCount = classCount;
        Shape = shape;
    }

    /// <summary>Count×FeatureCount feature values, row-major.</summary>
    public float[] Features { get; }

    /// <summary>Class index of each sample, in [0, ClassCount).</summary>
    public int[] Labels { get; }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>Features per sample (Rows×Cols for images).</summary>
    public int FeatureCount { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>How each sample's features form an image (channels × height × width, row-major), or null when they do not.</summary>
    public ImageShape? Shape { get; }

    /// <summary>The first <paramref name="count"/> samples (all when fewer), copied, with the same shape and class count.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public DataSplit Take(int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), $"a subset needs at least 1 sample; got {count}.");
        var n = Math.Min(count, Count);
        return new DataSplit(Features.AsSpan(0, n * FeatureCount).ToArray(), Labels.AsSpan(0, n).ToArray(), FeatureCount, ClassCount, Shape);
    }

    /// <summary>Features of sample <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(checked(index * FeatureCount), FeatureCount);

    /// <summary>Reads an IDX image file and an IDX label file (raw or gzip) into a split; pixels become pixel/255f.</summary>
    /// <param name="imagesPath">IDX3 unsigned-byte image file.</param>
    /// <param name="labelsPath">IDX1 unsigned-byte label file.</param>
    /// <param name="classCount">Number of classes; every label must be below it.</param>
    /// <exception cref="DataException">A file is malformed, the counts differ, or a label is out of range.</exception>
    public static DataSplit Load(string imagesPath, string labelsPath, int classCount) =>
        FromIdx(IdxReader.ReadImages(imagesPath), IdxReader.ReadLabels(labelsPath), classCount, imagesPath, labelsPath);

    /// <summary>Builds a split from parsed IDX images and labels; the paths are used in error messages.</summary>
    /// <exception cref="DataException">The counts differ or a label is not below <paramref name="classCount"/>.</exception>
    public static DataSplit FromIdx(IdxImages images, byte[] labels, int classCount, string imagesPath, string labelsPath)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        if (images.Count != labels.Length)
            throw new DataException($"count mismatch: {imagesPath} holds {images.Count} images but {labelsPath} holds {labels.Length} labels.");
        if ((long)images.Count * images.PixelsPerImage != images.Pixels.Length)
            throw new DataException($"{imagesPath}: {images.Pixels.Length} pixel bytes do not match {images.Count}×{images.Rows}×{images.Cols}.");

        var intLabels = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (label >= classCount)
                throw new DataException($"{labelsPath}: label {label} of sample {i} is outside [0, {classCount}).");
            intLabels[i] = label;
        }
        return new DataSplit(ToFloat(images.Pixels), intLabels, images.PixelsPerImage, classCount, new ImageShape(1, images.Rows, images.Cols));
    }

    // pixel / 255f exactly as written (a division, not a multiply by 1/255f), via a 256-entry table:
    // the same bits as the scalar division and a single load per pixel.
    private static float[] ToFloat(byte[] pixels)
    {
        Span<float> table = stackalloc float[256];
        for (int v = 0; v < 256; v++) table[v] = v / 255f;
        var result = GC.AllocateUninitializedArray<float>(pixels.Length);
        for (int i = 0; i < pixels.Length; i++) result[i] = table[pixels[i]];
        return result;
    }

    private static int FirstOutOfRange(int[] labels, int classCount)
    {
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classCount) return i;
        return -1;
    }
}
