using System.Globalization;
using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// How far the first-order IR-drop model (<see cref="IrDrop"/>) is from the exact nodal solve (<see cref="CrossbarSolver"/>)
/// of the same crossbar, as a function of array size and wire resistance: square N × N arrays with G uniform in
/// [0.1, 1]·Gmax and inputs uniform in [0, 1], the error of a model being max_j |y_j − y*_j| / max_j |y*_j| over the
/// columns, worst of a few input vectors. What <c>hwdsl irdrop</c> prints and docs/results.md quotes.
/// </summary>
public static class IrDropAccuracy
{
    /// <summary>One array size and wire resistance.</summary>
    /// <param name="Size">N (rows = columns).</param>
    /// <param name="Wire">r·Gmax of one wire segment.</param>
    /// <param name="Load">r·N²·Ḡ: the drop's size to first order.</param>
    /// <param name="Ideal">Error of ignoring IR drop.</param>
    /// <param name="FirstOrder">Error of the first-order folded conductances.</param>
    public sealed record Row(int Size, double Wire, double Load, double Ideal, double FirstOrder);

    /// <summary>Measures every size × wire (seeded by <paramref name="seed"/>, <paramref name="inputs"/> input vectors each).</summary>
    public static IReadOnlyList<Row> Measure(IEnumerable<int> sizes, IEnumerable<double> wires, int seed = 1, int inputs = 3)
    {
        var rows = new List<Row>();
        foreach (var n in sizes)
        {
            if (n < 1) throw new ArgumentOutOfRangeException(nameof(sizes), $"array sizes must be at least 1; got {n}.");
            var rng = new SeededRandom((ulong)seed, (ulong)n);
            var g = new double[n * n];
            for (var i = 0; i < g.Length; i++) g[i] = 0.1 + 0.9 * rng.NextDouble();
            var xs = Enumerable.Range(0, inputs).Select(_ => Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray()).ToList();
            foreach (var r in wires)
            {
                if (!(r > 0 && r <= IrDrop.MaxWire)) throw new ArgumentOutOfRangeException(nameof(wires), $"wire resistances must be in (0, {IrDrop.MaxWire}]; got {r}.");
                var folded = CrossbarSolver.FirstOrder(g, n, n, r);
                double ideal = 0, first = 0;
                foreach (var x in xs)
                {
                    var exact = CrossbarSolver.Solve(g, n, n, r, x);
                    ideal = Math.Max(ideal, Error(CrossbarSolver.Ideal(g, n, n, x), exact));
                    first = Math.Max(first, Error(CrossbarSolver.Ideal(folded, n, n, x), exact));
                }
                rows.Add(new Row(n, r, r * n * n * g.Average(), ideal, first));
            }
        }
        return rows;
    }

    /// <summary>The rows as a Markdown table, with whether the issue's target holds (first order within 1 % where ignoring the drop costs less than 10 %).</summary>
    public static string Markdown(IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            "| array | wire r·Gmax | r·N²·Ḡ | ideal model error | first-order error | first order < 1 % where ideal < 10 % |",
            "|---:|---:|---:|---:|---:|---|",
        };
        foreach (var r in rows)
            lines.Add(string.Create(inv, $"| {r.Size}×{r.Size} | {r.Wire:G2} | {r.Load:G3} | {r.Ideal * 100:F3} % | {r.FirstOrder * 100:F4} % | {(r.Ideal >= 0.1 ? "– (ideal ≥ 10 %)" : r.FirstOrder < 0.01 ? "yes" : "no")} |"));
        return string.Join("\n", lines) + "\n";
    }

    private static double Error(double[] y, double[] exact) =>
        Enumerable.Range(0, y.Length).Max(j => Math.Abs(y[j] - exact[j])) / Math.Max(exact.Max(Math.Abs), double.Epsilon);
}
