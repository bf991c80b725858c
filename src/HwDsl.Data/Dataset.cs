using System.Security.Cryptography;
using System.Text;

namespace HwDsl.Data;

/// <summary>A loaded, checksum-verified classification data set: a train and a test split and the files they came from.</summary>
public sealed class Dataset
{
    /// <summary>Creates a data set from its splits and source files.</summary>
    public Dataset(string name, DataSplit train, DataSplit test, IReadOnlyList<DataFile> files)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(files);
        if (train.FeatureCount != test.FeatureCount || train.ClassCount != test.ClassCount)
            throw new ArgumentException($"{name}: train has {train.FeatureCount} features and {train.ClassCount} classes, test has {test.FeatureCount} and {test.ClassCount}.");
        if (train.Shape != test.Shape)
            throw new ArgumentException($"{name}: train images are {train.Shape?.ToString() ?? "not images"}, test images {test.Shape?.ToString() ?? "not images"}.");
        Name = name;
        Train = train;
        Test = test;
        Files = files;
        Checksum = Combine(files);
    }

    /// <summary>The data set's name, e.g. "mnist".</summary>
    public string Name { get; }

    /// <summary>The training split.</summary>
    public DataSplit Train { get; }

    /// <summary>The test split.</summary>
    public DataSplit Test { get; }

    /// <summary>How each sample forms an image (channels × height × width), or null when the samples are not images.</summary>
    public ImageShape? Shape => Train.Shape;

    /// <summary>The files the splits were read from, with the SHA-256 of each file's IDX content.</summary>
    public IReadOnlyList<DataFile> Files { get; }

    /// <summary>
    /// One string identifying the data for run records: "sha256:" + hex SHA-256 of the UTF-8 text made of one
    /// line "role sha256\n" per file, in the order of <see cref="Files"/>. Paths do not enter it, so the same
    /// data found in another folder, raw or gzip, gives the same checksum.
    /// </summary>
    public string Checksum { get; }

    private static string Combine(IReadOnlyList<DataFile> files)
    {
        var text = new StringBuilder();
        foreach (var f in files) text.Append(f.Role).Append(' ').Append(f.Sha256).Append('\n');
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
