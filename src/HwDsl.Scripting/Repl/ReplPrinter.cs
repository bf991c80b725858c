using System.Collections;
using System.Globalization;
using HwDsl.Compiler;
using HwDsl.Experiments;

namespace HwDsl.Scripting.Repl;

/// <summary>How the REPL shows a submission's value: specs as their debug view, results as tables, the rest as text.</summary>
public static class ReplPrinter
{
    /// <summary>The text to print for <paramref name="value"/>, or null for nothing (no value). A spec whose data set
    /// declares its shape is shown bound against <paramref name="devices"/> — the values that will run, devices' own included —
    /// or with the binding's errors.</summary>
    public static string? Format(object? value, DeviceCatalog? devices = null) => value switch
    {
        null => null,
        ExperimentSpec spec => Spec(spec, devices),
        ExperimentResult result => (ResultTable.Markdown(result) + (result.Cost is { } cost ? "\n" + cost.Markdown() : "")).TrimEnd(),
        IEnumerable<ExperimentResult> results => ResultTable.Markdown(results).TrimEnd(),
        ExperimentBuilder => "ExperimentBuilder (call .Build() to validate it and see the spec)",
        string s => Quote(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e and not IDictionary => "[" + string.Join(", ", e.Cast<object?>().Take(50).Select(x => Format(x) ?? "null")) + "]",
        _ => value.ToString(),
    };

    private static string Spec(ExperimentSpec spec, DeviceCatalog? devices)
    {
        if (devices is null || spec.Data.InputSize is not int inputs || spec.Data.Classes is not int classes) return spec.DebugView().TrimEnd();
        var bound = ExperimentBinder.TryBind(spec, devices, inputs, classes, out var errors);
        return bound is not null ? bound.DebugView().TrimEnd() : spec.DebugView().TrimEnd() + "\n" + string.Join("\n", errors);
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
