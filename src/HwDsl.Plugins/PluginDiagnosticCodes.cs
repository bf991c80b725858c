namespace HwDsl.Plugins;

/// <summary>Stable codes of plugin-loading problems (issue 4's range HW014x–HW016x; the loader uses HW016x).</summary>
public static class PluginDiagnosticCodes
{
    /// <summary>HW0160: the file is not a .NET assembly.</summary>
    public const string NotAnAssembly = "HW0160";

    /// <summary>HW0161: built against another major version (or a newer minor version) of the device contract.</summary>
    public const string ContractVersion = "HW0161";

    /// <summary>HW0162: an assembly the plugin needs is neither in its folder, its .deps.json nor the framework.</summary>
    public const string MissingDependency = "HW0162";

    /// <summary>HW0163: a device's constructor (or its Name/Version) threw.</summary>
    public const string ConstructorFailed = "HW0163";

    /// <summary>HW0164: a device name is already taken by a built-in device or another plugin.</summary>
    public const string DuplicateName = "HW0164";

    /// <summary>HW0165: the plugin folder holds no public device model with a public parameterless constructor.</summary>
    public const string NoDevices = "HW0165";

    /// <summary>HW0166: reading or loading the assembly failed for another reason (I/O, bad image).</summary>
    public const string LoadFailed = "HW0166";

    /// <summary>HW0167: a plugin folder named by <c>--plugins</c> or <c>$HWDSL_PLUGINS</c> does not exist.</summary>
    public const string FolderMissing = "HW0167";

    /// <summary>HW0168: a device type has no public parameterless constructor (skipped).</summary>
    public const string NoParameterlessConstructor = "HW0168";

    /// <summary>HW0169: a device reports an empty name.</summary>
    public const string InvalidDevice = "HW0169";
}
