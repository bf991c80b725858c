using HwDsl.Contracts;

namespace HwDsl.Plugins;

/// <summary>Whether a plugin compiled against one contract version runs on this host's.</summary>
internal static class ContractCompatibility
{
    /// <summary>The simple name of the contract assembly, the only assembly plugins share with the host.</summary>
    public const string ContractsName = "HwDsl.Contracts";

    /// <summary>Its file name (a copy in a plugin folder is never loaded: the host's is shared).</summary>
    public const string ContractsFileName = ContractsName + ".dll";

    /// <summary>The type whose assembly is shared with every plugin.</summary>
    public static Type SharedType => typeof(IDeviceModel);

    /// <summary>The contract version this host carries (HwDsl.Contracts' assembly version, Major.Minor).</summary>
    public static Version Host { get; } = SharedType.Assembly.GetName().Version ?? new Version(0, 0);

    /// <summary>True for the contract assembly's name, whatever its version.</summary>
    public static bool IsContracts(string? simpleName) => string.Equals(simpleName, ContractsName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when <paramref name="built"/> can load on <paramref name="host"/>, else the reason (one line).</summary>
    /// <remarks>Same major version required (breaking changes bump it); a newer minor version may use members this host lacks.</remarks>
    public static string? Problem(Version built, Version host)
    {
        if (built.Major != host.Major)
            return $"built against device contract {built.Major}.{built.Minor}, but this hwdsl has contract {host.Major}.{host.Minor}; " +
                   $"major versions must match: rebuild the plugin against HwDsl.Contracts {host.Major}.x.";
        if (built.Minor > host.Minor)
            return $"built against device contract {built.Major}.{built.Minor}, newer than this hwdsl's {host.Major}.{host.Minor}; " +
                   "update hwdsl or rebuild the plugin against the older contract.";
        return null;
    }
}
