using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// The Muller &amp; Indiveri 2015 comparison: at a fixed weight-memory budget (hidden units × bits per weight constant),
/// one network per bit width is trained in float and deployed by round-to-nearest, stochastic rounding and a fitted
/// per-layer scale (the same trained weights, <see cref="ExperimentRunner.Transfer"/>), and trained again with rounding
/// in the loop (with max |w| and with the fitted scale). Every weight of every layer is quantized; inputs and
/// activations stay float, so only the weight rounding differs between methods.
/// </summary>
public static class RoundingSweep
{
    /// <summary>The methods, in table order.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["float", "nearest", "stochastic", "fitted", "in-training", "in-training+fitted"];

    /// <summary>The network algorithms.</summary>
    public static IReadOnlyList<string> Networks { get; } = ["mlp", "binary-neurons"];

    /// <summary>Hidden units for a budget at a bit width (at least 1).</summary>
    public static int UnitsFor(int budget, int bits) => Math.Max(1, budget / bits);

    /// <summary>The experiment of one sweep point: <paramref name="network"/> with <paramref name="units"/> hidden units on
    /// <paramref name="bits"/>-bit single elements, trained float (naive mapping) unless changed with <c>With</c>.</summary>
    public static ExperimentBuilder Experiment(string network, int units, int bits, int seed, int epochs, DatasetRef data, bool fitted = false)
    {
        var hw = Hardware.SingleElement().WeightBits(bits);
        if (fitted) hw.WeightRange(Rounding.FittedScale);
        return HwDsl.Experiment.Named($"muller-{network}-{bits}bit").Seed(seed).Data(data)
            .Network(n => (network switch
            {
                "mlp" => n.Dense(units).ClippedRelu(),
                "binary-neurons" => n.Dense(units).Sign(),
                _ => throw new ArgumentException($"unknown network '{network}'; allowed: {string.Join(", ", Networks)}."),
            }).Dense(data.Classes ?? 10))
            .On(hw)
            .Train(t => t.Adam(1e-3).Epochs(epochs).Batch(100).NaiveMapping());
    }

    /// <summary>Trains and evaluates every method at one point (three trainings: float, in-training, in-training+fitted).</summary>
    public static IReadOnlyList<RoundingSweepRow> RunPoint(string network, int budget, int bits, int seed, int epochs, DatasetRef data, ExperimentOptions options)
    {
        var units = UnitsFor(budget, bits);
        var rows = new List<RoundingSweepRow>();
        void Add(string method, double accuracy) => rows.Add(new RoundingSweepRow(network, budget, bits, units, seed, method, accuracy));

        var naive = Experiment(network, units, bits, seed, epochs, data);
        var result = ExperimentRunner.Run(naive.Build(), options, out var trained);
        Add("float", result.FloatAccuracy);
        Add("nearest", result.DeployedMean);
        Add("stochastic", ExperimentRunner.Transfer(naive.With(t => t.Rounding(Rounding.Stochastic)).Build(), trained, result.Training, options).DeployedMean);
        Add("fitted", ExperimentRunner.Transfer(Experiment(network, units, bits, seed, epochs, data, fitted: true).Build(), trained, result.Training, options).DeployedMean);
        Add("in-training", ExperimentRunner.Run(naive.With(t => t.HardwareAware(Rounding.InTraining)).Build(), options).DeployedMean);
        Add("in-training+fitted", ExperimentRunner.Run(Experiment(network, units, bits, seed, epochs, data, fitted: true)
            .With(t => t.HardwareAware(Rounding.InTraining)).Build(), options).DeployedMean);
        return rows;
    }
}
