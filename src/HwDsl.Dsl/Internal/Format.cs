using System.Globalization;

namespace HwDsl;

/// <summary>Invariant, compact formatting of values in messages and views.</summary>
internal static class Format
{
    internal static string Value(object? v) => v switch
    {
        null => "unset",
        double d when double.IsPositiveInfinity(d) => "∞",
        double d when double.IsNegativeInfinity(d) => "-∞",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
