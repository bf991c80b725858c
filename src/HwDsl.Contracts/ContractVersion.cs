namespace HwDsl.Contracts;

/// <summary>
/// The version of the device-plugin contract in this assembly. A host loads a plugin built against the same
/// <see cref="Major"/> and any <see cref="Minor"/> not newer than its own; additions bump the minor version,
/// changes to existing members the major one.
/// </summary>
public static class ContractVersion
{
    /// <summary>Incremented on breaking changes to the contract.</summary>
    public const int Major = 1;

    /// <summary>Incremented on backward-compatible additions.</summary>
    public const int Minor = 0;

    /// <summary>"Major.Minor", e.g. "1.0".</summary>
    public static string Text => $"{Major}.{Minor}";
}
