using System.Globalization;
using System.Text;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>The comparison's rows and a Markdown table.</summary>
/// <param name="Rows">Software, naive, statistics-aware, then one row per per-die training.</param>
public sealed record DieComparisonResult(IReadOnlyList<DieComparisonRow> Rows)
{
    /// <summary>The software baseline's error.</summary>
    public double Software => Rows[0].Errors.Mean;

    /// <summary>Row by mode prefix (<c>naive</c>, <c>statistics-aware</c>).</summary>
    public DieComparisonRow this[string mode] => Rows.First(r => r.Mode.StartsWith(mode, StringComparison.Ordinal));

    /// <summary>Markdown: mean ± sd, best, worst, Δ against software, and per-die rows' own-die error beside statistics-aware's and naive's on that die.</summary>
    public string Markdown()
    {
        var c = CultureInfo.InvariantCulture;
        var stat = this["statistics-aware"];
        var naive = this["naive"];
        var sb = new StringBuilder();
        sb.AppendLine("| mode | mean error % | sd | best die | worst die | Δ vs software (pp) | own die: this / stat-aware / naive % |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in Rows)
        {
            var own = r.Die is int d
                ? string.Format(c, "die {0}: {1:F2} / {2:F2} / {3:F2}", d, 100 * r.OwnDieError!.Value, 100 * stat.Errors.Errors[d], 100 * naive.Errors.Errors[d])
                : "";
            sb.AppendLine(string.Format(c, "| {0} | {1:F2} | {2:F2} | {3:F2} | {4:F2} | {5:+0.00;-0.00;0.00} | {6} |", r.Mode, 100 * r.Errors.Mean,
                100 * r.Errors.Sd, 100 * r.Errors.Min, 100 * r.Errors.Max, 100 * (r.Errors.Mean - Software), own));
        }
        return sb.ToString();
    }
}
