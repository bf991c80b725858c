namespace HwDsl.Data;

/// <summary>The external commands the store runs; tests replace them to exercise the failure paths.</summary>
/// <param name="Npm">The npm executable.</param>
/// <param name="Dpkg">The dpkg executable, used to find where a Debian package installed its files.</param>
/// <param name="UseDebianFallbackFolder">Whether to look in a spec's known Debian folder when dpkg does not answer.</param>
internal sealed record StoreTools(string Npm, string Dpkg, bool UseDebianFallbackFolder)
{
    public static readonly StoreTools Default = new("npm", "dpkg", true);

    public static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(10);
}
