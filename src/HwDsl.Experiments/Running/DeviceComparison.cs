using System.Globalization;
using System.Text;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// Deployed accuracy per device: the same MLP trained in float (then mapped naively) and hardware-aware on each device,
/// evaluated as deployed (noise samples, and for drifting devices at several times after programming), per seed.
/// Every device named must be in the options' catalog (the built-in <c>nvm</c>, plugins for the others).
/// </summary>
public static class DeviceComparison
{
    private const double Second = 1, Day = 86400, Year = 365 * Day;

    /// <summary>One evaluation: a device, a training mode, a seed, a read time.</summary>
    public sealed record Row(string Device, string Mode, int Seed, double ReadSeconds, double FloatAccuracy, double DeployedMean, double DeployedSd, int Samples);

    /// <summary>The shipped devices at their presets: nvm at Obradovic's headline point (4 bits, r = 10, ν = 2, a = 0.1,
    /// 2 % programming noise), rram/wan2022, mtj/nist-2023 (binary, fixed w_max 0.1), pcm/nandakumar2019 read at 0 s, 1 s, 1 day and 1 year,
    /// fefet/obradovic2018.</summary>
    public static IReadOnlyList<DeviceTrial> Standard { get; } =
    [
        new("nvm (r=10, nu=2, a=0.1, 2 % noise)", "nvm", null, 4, [0], h => h.OnOffRatio(10).NonLinearity(2).Asymmetry(0.1).ProgrammingNoise(0.02)),
        new("rram/wan2022", "rram", "wan2022", 4, [0]),
        // Binary: a fixed range of about twice the initial weights' spread leaves a third of them non-zero (max |W| would
        // round nearly all of them to the pair's zero).
        new("mtj/nist-2023 (1 bit, w_max 0.1)", "mtj", "nist-2023", 1, [0], h => h.WeightRange(HwDsl.WeightRange.Fixed(0.1))),
        new("pcm/nandakumar2019", "pcm", "nandakumar2019", 4, [0, Second, Day, Year]),
        new("fefet/obradovic2018", "fefet", "obradovic2018", 4, [0]),
    ];

    /// <summary>
    /// Runs every trial for every seed in both modes. The network is 784-<paramref name="hidden"/>-<paramref name="hidden"/>-10
    /// with clipped ReLU, 4-bit inputs and activations, Adam (<paramref name="learningRate"/>) with cosine decay, batch 100.
    /// Every trial's device, preset and settings are checked against the catalog before the first one trains (a missing
    /// plugin is an HW0142 error listing the known devices, not a failure minutes in); cancellation stops between runs.
    /// </summary>
    public static IReadOnlyList<Row> Run(IEnumerable<DeviceTrial> trials, IEnumerable<int> seeds, ExperimentOptions options,
        int epochs, int hidden = 256, int samples = 3, string dataset = "mnist", Action<Row>? progress = null, double learningRate = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<DeviceTrial> list = [.. trials];
        foreach (var trial in list)
            ExperimentBinder.Bind(Spec(trial, 0, true, epochs, hidden, samples, dataset, learningRate), options.Devices ?? DeviceCatalog.Default);
        // Every run reads the same data set: load it once, not once per trial, seed and mode.
        if (list.Count > 0) options = options with { Data = options.LoadData(Spec(list[0], 0, true, epochs, hidden, samples, dataset, learningRate).Data.Name) };
        var rows = new List<Row>();
        foreach (var trial in list)
            foreach (var seed in seeds)
                foreach (var hardwareAware in new[] { false, true })
                {
                    options.Cancel.ThrowIfCancellationRequested();
                    var spec = Spec(trial, seed, hardwareAware, epochs, hidden, samples, dataset, learningRate);
                    var result = ExperimentRunner.Run(spec, options, out var network);
                    options.Cancel.ThrowIfCancellationRequested();
                    var data = options.Data!;
                    foreach (var seconds in trial.ReadSeconds)
                    {
                        var at = seconds == spec.Evaluation.ReadSeconds ? result : ExperimentRunner.Evaluate(
                            spec with { Evaluation = spec.Evaluation with { ReadSeconds = seconds } }, network, data,
                            options.Pool ?? Kernels.MacPool.Shared, result.Training, result.RunFolder);
                        var row = new Row(trial.Label, hardwareAware ? "hardware-aware" : "float-trained", seed, seconds,
                            at.FloatAccuracy, at.DeployedMean, at.DeployedSd, at.Deployed.Count);
                        rows.Add(row);
                        progress?.Invoke(row);
                    }
                }
        return rows;
    }

    /// <summary>The experiment of one trial, seed and mode.</summary>
    public static ExperimentSpec Spec(DeviceTrial trial, int seed, bool hardwareAware, int epochs, int hidden = 256, int samples = 3,
        string dataset = "mnist", double learningRate = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var hw = Hardware.DifferentialPair().Device(trial.Device, trial.Preset).WeightBits(trial.WeightBits).InputBits(4).ActivationBits(4);
        if (trial.Hardware is not null) hw = trial.Hardware(hw);
        return Experiment.Named($"devices-{trial.Device}").Seed(seed).Data(dataset switch { "mnist" => Datasets.Mnist, "fashion-mnist" => Datasets.FashionMnist, _ => Datasets.Named(dataset) })
            .Network(n => n.Dense(hidden).ClippedRelu().Dense(hidden).ClippedRelu().Dense(10))
            .On(hw)
            .Train(t => (hardwareAware ? t.HardwareAware(Relaxation.Sigmoid(2, 50)) : t.NaiveMapping())
                .Adam(learningRate).Epochs(epochs).Batch(100).Schedule(HwDsl.Schedule.Cosine))
            .Evaluate(e => e.Deployed(samples).AtSeconds(trial.ReadSeconds[0]))
            .Build();
    }

    /// <summary>A markdown table: one line per device, mode and read time, mean ± sd of the deployed accuracy over seeds
    /// (each seed's value the mean over its noise samples).</summary>
    public static string Table(IEnumerable<Row> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| device | read at | float-trained, deployed | hardware-aware, deployed | float (software) |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var group in rows.GroupBy(r => (r.Device, r.ReadSeconds)))
        {
            string Cell(string mode)
            {
                var values = group.Where(r => r.Mode == mode).Select(r => r.DeployedMean).ToList();
                return values.Count == 0 ? "–" : MeanSd(values);
            }
            var software = MeanSd([.. group.Where(r => r.Mode == "float-trained").Select(r => r.FloatAccuracy)]);
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key.Device} | {Time(group.Key.ReadSeconds)} | {Cell("float-trained")} | {Cell("hardware-aware")} | {software} |");
        }
        return sb.ToString();
    }

    /// <summary>The rows as CSV, one line per device, mode, seed and read time (accuracies as fractions).</summary>
    public static string Csv(IEnumerable<Row> rows) => RunFolder.Csv(
        ["device", "mode", "seed", "read_seconds", "float_accuracy", "deployed_mean", "deployed_sd", "samples"],
        rows.Select(r => (IReadOnlyList<object?>)[r.Device, r.Mode, r.Seed, r.ReadSeconds, r.FloatAccuracy, r.DeployedMean, r.DeployedSd, r.Samples]));

    private static string MeanSd(IReadOnlyList<double> v)
    {
        if (v.Count == 0) return "–";
        var mean = v.Average();
        var sd = v.Count < 2 ? 0 : Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
        return string.Create(CultureInfo.InvariantCulture, $"{100 * mean:F2} ± {100 * sd:F2} %");
    }

    private static string Time(double seconds) => seconds switch
    {
        0 => "0 s",
        >= Year => $"{seconds / Year:G3} year",
        >= Day => $"{seconds / Day:G3} day",
        _ => $"{seconds:G3} s",
    };
}
