using System.Globalization;
using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Cli.Experiments;

/// <summary>
/// Obradovic et al. 2018 (arXiv 1809.04982): float vs naive mapping vs hardware-aware training of the MLP
/// 784-256-256-10 (clipped ReLU) on non-ideal multi-bit differential pairs, over weight and activation bits, on/off
/// ratio, asymmetry and non-linearity; mean and spread over seeds, always evaluated as deployed.
/// </summary>
internal sealed class Obradovic2018(string dataset, IReadOnlyList<int> seeds, int epochs, bool quick, MacPool pool, string output,
    CancellationToken cancel, Action<string> log, DeviceCatalog? devices = null)
{
    /// <summary>One hardware point: weight bits, activation (and input) bits, Gmax/Gmin, asymmetry, non-linearity; whether to train hardware-aware there.</summary>
    internal sealed record Point(int WeightBits, int ActivationBits, double Ratio, double Asymmetry, double NonLinearity, bool HardwareAware = true, bool Ste = false)
    {
        public string Label => string.Create(CultureInfo.InvariantCulture,
            $"W{WeightBits}/A{ActivationBits} r={(double.IsPositiveInfinity(Ratio) ? "∞" : Ratio.ToString())} a={Asymmetry} ν={NonLinearity}");
    }

    /// <summary>The grid: the headline point (4/4 bits, r = 10, a = 0.1) with and without non-linearity, then one axis at a time around it.</summary>
    internal static IReadOnlyList<Point> Grid(bool quick)
    {
        if (quick) return [new(4, 4, 10, 0.1, 2, Ste: true), new(2, 4, 10, 0.1, 2)];
        var points = new List<Point>
        {
            new(4, 4, 10, 0.1, 0, Ste: true),
            new(4, 4, 10, 0.1, 2, Ste: true),
        };
        foreach (var bits in new[] { 1, 2, 3, 6, 8 }) points.Add(new(bits, 4, 10, 0.1, 2));
        foreach (var act in new[] { 2, 8 }) points.Add(new(4, act, 10, 0.1, 2));
        foreach (var ratio in new[] { 100, double.PositiveInfinity }) points.Add(new(4, 4, ratio, 0.1, 2));
        points.Add(new(4, 4, 10, 0, 2));
        points.Add(new(8, 8, double.PositiveInfinity, 0, 0, HardwareAware: false));   // near-ideal: naive only
        return points;
    }

    private ExperimentBuilder Base(int seed, Point p) => Experiment.Named($"obradovic2018-{dataset}").Seed(seed)
        .Data(dataset == "mnist" ? Datasets.Mnist : Datasets.FashionMnist)
        .Network(n => n.Dense(256).ClippedRelu().Dense(256).ClippedRelu().Dense(10))
        .On(Hardware.DifferentialPair().WeightBits(p.WeightBits).InputBits(p.ActivationBits).ActivationBits(p.ActivationBits)
            .OnOffRatio(p.Ratio).Asymmetry(p.Asymmetry).NonLinearity(p.NonLinearity))
        .Train(t => t.Adam(1e-3).Epochs(epochs).Batch(100).Schedule(Schedule.Cosine).HardwareAware(Relaxation.Sigmoid(2, 50)));

    internal sealed record Row(string Dataset, string Point, int WeightBits, int ActivationBits, double Ratio, double Asymmetry, double NonLinearity,
        string Mode, int Seed, double Accuracy, double SamplesPerSecond);

    public IReadOnlyList<Row> Run()
    {
        Directory.CreateDirectory(output);
        var data = new DatasetStore().Load(dataset, log);
        var options = new ExperimentOptions { Pool = pool, Cancel = cancel, RunRoot = Path.Combine(output, "runs"), Data = data, Devices = devices };
        var rows = new List<Row>();
        var grid = Grid(quick);
        var csv = Path.Combine(output, $"obradovic2018-{dataset}.csv");
        void Add(Point p, string mode, int seed, double accuracy, double speed)
        {
            rows.Add(new(dataset, p.Label, p.WeightBits, p.ActivationBits, p.Ratio, p.Asymmetry, p.NonLinearity, mode, seed, accuracy, speed));
            log(string.Create(CultureInfo.InvariantCulture, $"{dataset} seed {seed} {p.Label,-26} {mode,-14} {accuracy:P2}"));
            WriteCsv(csv, rows);   // after every point: a stopped sweep keeps what it finished
        }

        foreach (var seed in seeds)
        {
            var floatResult = ExperimentRunner.Run(Base(seed, grid[0]).With(t => t.Float()).Build(), options, out var floatNetwork);
            Stop();
            Add(grid[0], "float", seed, floatResult.FloatAccuracy, floatResult.Training.SamplesPerSecond);
            foreach (var p in grid)
            {
                var naive = ExperimentRunner.Transfer(Base(seed, p).With(t => t.NaiveMapping()).Build(), floatNetwork, floatResult.Training, options);
                Add(p, "naive", seed, naive.DeployedMean, double.NaN);
                if (p.HardwareAware)
                {
                    var aware = ExperimentRunner.Run(Base(seed, p).Build(), options);
                    Stop();
                    Add(p, "hw-aware", seed, aware.DeployedMean, aware.Training.SamplesPerSecond);
                }
                if (p.Ste)
                {
                    var ste = ExperimentRunner.Run(Base(seed, p).With(t => t.HardwareAware(Relaxation.Ste)).Build(), options);
                    Stop();
                    Add(p, "hw-aware-ste", seed, ste.DeployedMean, ste.Training.SamplesPerSecond);
                }
            }
        }
        File.WriteAllText(Path.Combine(output, $"obradovic2018-{dataset}.md"), Table(rows));
        return rows;
    }

    private void Stop()
    {
        if (cancel.IsCancellationRequested) throw new OperationCanceledException();
    }

    private static void WriteCsv(string path, IReadOnlyList<Row> rows)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, RunFolder.Csv(["dataset", "point", "weight_bits", "activation_bits", "on_off_ratio", "asymmetry", "non_linearity", "mode", "seed", "deployed_accuracy", "samples_per_s"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Dataset, r.Point, r.WeightBits, r.ActivationBits, r.Ratio, r.Asymmetry, r.NonLinearity, r.Mode, r.Seed, r.Accuracy, r.SamplesPerSecond])));
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Mean ± sd over seeds per point and mode, with the difference to the float baseline in percentage points.</summary>
    internal static string Table(IReadOnlyList<Row> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        var floats = rows.Where(r => r.Mode == "float").Select(r => r.Accuracy).ToArray();
        var floatMean = floats.Length > 0 ? floats.Average() : double.NaN;
        var lines = new List<string>
        {
            $"Float baseline: {Stat(floats)} over {floats.Length} seed(s). Every other column is the hard deployed model; Δ is against the float baseline.",
            "",
            "| point | naive mapping | Δ pp | hw-aware (sigmoid relaxation) | Δ pp | hw-aware (STE) | Δ pp |",
            "|---|---:|---:|---:|---:|---:|---:|",
        };
        foreach (var point in rows.Where(r => r.Mode != "float").Select(r => r.Point).Distinct())
        {
            string Cell(string mode)
            {
                var values = rows.Where(r => r.Point == point && r.Mode == mode).Select(r => r.Accuracy).ToArray();
                return values.Length == 0 ? "– | –" : $"{Stat(values)} | {((values.Average() - floatMean) * 100).ToString("+0.00;-0.00", inv)}";
            }
            lines.Add($"| {point} | {Cell("naive")} | {Cell("hw-aware")} | {Cell("hw-aware-ste")} |");
        }
        return string.Join("\n", lines) + "\n";

        string Stat(double[] values)
        {
            if (values.Length == 0) return "–";
            var mean = values.Average();
            var sd = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : 0;
            return string.Create(inv, $"{mean * 100:F2} ± {sd * 100:F2} %");
        }
    }
}
