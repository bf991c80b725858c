namespace HwDsl.Plugins;

/// <summary>Whether a plugin compiled against one contract version runs on this host's.</summary>
internal static class ContractCompatibility
{
    /// <summary>The contract version this host carries (HwDsl.Contracts' assembly version, Major.Minor).</summary>
    public static Version Host { get; } = PluginLoadContext.Contracts.GetName().Version ?? new Version(0, 0);

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
