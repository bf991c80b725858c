using System.Security.Cryptography;
using System.Text;

namespace HwDsl.Sweeps;

/// <summary>
/// A point's folder name, a function of its values only: a readable slug and a short hash of the canonical form
/// (names sorted, <c>name=value</c> per line, values exactly as given), so <c>bits=4,ratio=10</c> and
/// <c>ratio=10,bits=4</c> are the same point, a re-declared sweep finds its earlier results, and two values that
/// sanitise to the same slug still differ in the hash.
/// </summary>
public static class PointId
{
    private const int MaxSlug = 60;

    /// <summary>The canonical text the hash is taken of.</summary>
    public static string Canonical(IEnumerable<ParameterValue> values)
        => string.Join('\n', values.OrderBy(v => v.Name, StringComparer.Ordinal).Select(v => $"{v.Name}={v.Value}"));

    /// <summary><c>bits4_ratio10_seed0-1f2e3d4c</c>.</summary>
    public static string For(IEnumerable<ParameterValue> values)
    {
        var sorted = values.OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(sorted))))[..8];
        var slug = string.Join('_', sorted.Select(v => Sanitize(v.Name) + Sanitize(v.Value)));
        if (slug.Length > MaxSlug) slug = slug[..MaxSlug];
        return slug.Length == 0 ? hash : $"{slug}-{hash}";
    }

    private static string Sanitize(string s) => new([.. s.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-' ? c : '-')]);
}
