using System.Globalization;

namespace HwDsl.Data;

/// <summary>
/// The one parser of integer lists written as <c>0,1,2</c> or ranges <c>0..4</c> (seeds, sweep grids, script parameters,
/// CLI options). A range must go upwards and hold at most <see cref="MaxCount"/> values.
/// </summary>
public static class IntegerRanges
{
    /// <summary>The most values one range may expand to.</summary>
    public const int MaxCount = 100_001;

    /// <summary>True when <paramref name="part"/> is a range <c>A..B</c> of two whole numbers (it may still be refused by <see cref="Expand"/>).</summary>
    public static bool IsRange(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var ends = part.Split("..");
        return ends.Length == 2 && long.TryParse(ends[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            && long.TryParse(ends[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }

    /// <summary><c>A..B</c> → A, A+1, …, B; a single whole number → itself. Anything else, or a range that goes downwards
    /// or is too long, is a <see cref="FormatException"/> whose message says which.</summary>
    public static IReadOnlyList<long> Expand(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        part = part.Trim();
        if (!IsRange(part))
            return long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var single)
                ? [single]
                : throw new FormatException($"'{part}' is not a whole number or a range A..B");
        var ends = part.Split("..");
        var (from, to) = (long.Parse(ends[0], CultureInfo.InvariantCulture), long.Parse(ends[1], CultureInfo.InvariantCulture));
        if (to < from || to - from >= MaxCount)
            throw new FormatException($"range '{part}' must go upwards and hold at most {MaxCount} values");
        var values = new long[to - from + 1];
        for (var i = 0; i < values.Length; i++) values[i] = from + i;
        return values;
    }

    /// <summary>A comma-separated list of whole numbers and ranges, expanded in order.</summary>
    public static IReadOnlyList<long> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(Expand)];
    }
}
