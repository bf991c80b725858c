using System.Collections;
using System.Globalization;
using HwDsl.Compiler;
using HwDsl.Experiments;

namespace HwDsl.Scripting.Repl;

/// <summary>How the REPL shows a submission's value: specs as their debug view, results as tables, the rest as text.</summary>
public static class ReplPrinter
{
    /// <summary>The text to print for <paramref name="value"/>, or null for nothing (no value).</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        ExperimentSpec spec => spec.DebugView().TrimEnd(),
        ExperimentResult result => ResultTable.Markdown(result).TrimEnd(),
        IEnumerable<ExperimentResult> results => ResultTable.Markdown(results).TrimEnd(),
        ExperimentBuilder => "ExperimentBuilder (call .Build() to validate it and see the spec)",
        string s => Quote(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e and not IDictionary => "[" + string.Join(", ", e.Cast<object?>().Take(50).Select(x => Format(x) ?? "null")) + "]",
        _ => value.ToString(),
    };

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
