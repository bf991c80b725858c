using HwDsl.Compiler;
using HwDsl.Data;

namespace HwDsl.Experiments;

/// <summary>
/// <c>results.json</c> (an array with this one row, so <c>pandas.read_json</c> reads it as a table) and <c>results.csv</c>
/// of a run folder. Accuracies are fractions; a value that does not apply is null.
/// </summary>
/// <param name="Name">Experiment name.</param>
/// <param name="Status"><c>completed</c> or <c>cancelled</c>.</param>
/// <param name="SmokeTest">True for a <c>--quick</c> run on the small subset: its numbers say nothing about the method.</param>
/// <param name="Mode"><c>float</c>, <c>naive_mapping</c> or <c>hardware_aware</c>.</param>
/// <param name="WeightGradient"><c>sigmoid_relaxation</c>, <c>ste</c> or <c>none</c> (see <see cref="SchemaNames.WeightGradient"/>).</param>
/// <param name="BetaStart">The relaxation's first β (sigmoid relaxation only).</param>
/// <param name="BetaEnd">Its last β.</param>
/// <param name="Rounding"><c>nearest</c> or <c>stochastic</c> level choice when deployed.</param>
/// <param name="Seed">Seed of initialisation, batches and noise.</param>
/// <param name="Dataset">Data set name.</param>
/// <param name="TrainSamples">Training samples used.</param>
/// <param name="TestSamples">Test samples evaluated.</param>
/// <param name="SoftwareAccuracy">The trained weights evaluated in software (float, no hardware): for a hardware-aware run, its
/// shadow weights; not the float baseline.</param>
/// <param name="FloatBaselineAccuracy">The float-trained network's software accuracy this run compares against, where it is known
/// (a float run is its own baseline; a naive mapping deploys a float run's weights).</param>
/// <param name="DeployedAccuracyMean">Mean accuracy of the deployed hardware model over <see cref="DeployedSamples"/>.</param>
/// <param name="DeployedAccuracySd">Sample standard deviation of it (0 for one sample).</param>
/// <param name="DeployedSamples">Noise samples or dies evaluated (0: not deployed).</param>
/// <param name="DeployedOn"><c>noise_samples</c>, <c>dies</c> or <c>none</c>.</param>
/// <param name="ReadSeconds">Seconds after programming the deployed network was read at.</param>
/// <param name="Accuracy">The headline: deployed mean when deployed, else the software accuracy.</param>
/// <param name="Optimizer"><c>adam</c>, <c>adam_w</c> or <c>sgd</c>.</param>
/// <param name="LearningRate">Initial learning rate.</param>
/// <param name="Momentum">SGD momentum.</param>
/// <param name="WeightDecay">Weight decay.</param>
/// <param name="Schedule">Learning-rate schedule (see <see cref="SchemaNames.Schedule"/>).</param>
/// <param name="Epochs">Epochs asked for.</param>
/// <param name="EpochsCompleted">Epochs that finished.</param>
/// <param name="BatchSize">Mini-batch size.</param>
/// <param name="TrainSeconds">Training time, seconds (evaluations excluded).</param>
/// <param name="SamplesPerSecond">Mean training throughput.</param>
/// <param name="TrainedHere">False when the weights were trained elsewhere (a naive mapping of a float run).</param>
public sealed record RunResults(
    string Name, string Status, bool SmokeTest, string Mode, string WeightGradient, double? BetaStart, double? BetaEnd, string Rounding,
    int Seed, string Dataset, int TrainSamples, int TestSamples,
    double SoftwareAccuracy, double? FloatBaselineAccuracy, double? DeployedAccuracyMean, double? DeployedAccuracySd, int DeployedSamples,
    string DeployedOn, double ReadSeconds, double Accuracy,
    string Optimizer, double LearningRate, double Momentum, double WeightDecay, string Schedule, int Epochs, int EpochsCompleted, int BatchSize,
    double TrainSeconds, double? SamplesPerSecond, bool TrainedHere)
{
    /// <summary>Energy per inference of the cost model, joules (null where none was estimated).</summary>
    public double? EnergyPerInferenceJ { get; init; }

    /// <summary>Latency per inference, seconds.</summary>
    public double? LatencyPerInferenceS { get; init; }

    /// <summary>Area of the tiles and their periphery, mm².</summary>
    public double? AreaMm2 { get; init; }

    /// <summary>The technology preset of the estimate.</summary>
    public string? Technology { get; init; }

    /// <summary>The row for <paramref name="result"/> of <paramref name="spec"/> on <paramref name="data"/>.</summary>
    public static RunResults From(ExperimentSpec spec, Dataset data, ExperimentResult result, double? floatBaseline, bool trainedHere)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(result);
        var t = spec.Training;
        var sigmoid = t.Mode == TrainingMode.HardwareAware ? t.Relaxation as SigmoidRelaxation : null;
        var deployed = result.Deployed.Count > 0;
        return new RunResults(
            spec.Name, result.Training.Completed ? "completed" : "cancelled", result.SmokeTest, SchemaNames.Snake(t.Mode),
            SchemaNames.WeightGradient(t), sigmoid?.BetaFrom, sigmoid?.BetaTo, SchemaNames.Snake(t.Rounding),
            spec.Seed, data.Name, data.Train.Count, data.Test.Count,
            result.FloatAccuracy, Finite(floatBaseline), deployed ? result.DeployedMean : null, deployed ? result.DeployedSd : null, result.Deployed.Count,
            !deployed ? "none" : spec.Evaluation.Dies is not null ? "dies" : "noise_samples", spec.Evaluation.ReadSeconds, result.Accuracy,
            SchemaNames.Snake(t.Optimizer), t.LearningRate, t.Momentum, t.WeightDecay, SchemaNames.Schedule(t.Schedule), t.Epochs,
            result.Training.Epochs.Count, t.Batch, result.Training.Epochs.Sum(e => e.TrainTime.TotalSeconds),
            Finite(result.Training.SamplesPerSecond), trainedHere)
        {
            EnergyPerInferenceJ = result.Cost?.Energy,
            LatencyPerInferenceS = result.Cost?.Latency,
            AreaMm2 = result.Cost is { } c ? c.Area * 1e6 : null,
            Technology = result.Cost?.Technology,
        };
    }

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;
}
