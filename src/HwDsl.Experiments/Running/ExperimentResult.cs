using HwDsl.Training;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// What one experiment run produced. <see cref="FloatAccuracy"/> is the trained weights evaluated in software;
/// <see cref="Deployed"/> holds one test accuracy per programming-noise sample of the hard deployed model.
/// </summary>
public sealed record ExperimentResult(
    string Name,
    TrainingMode Mode,
    int Seed,
    double FloatAccuracy,
    IReadOnlyList<double> Deployed,
    TrainingResult Training,
    string RunFolder)
{
    /// <summary>ADC saturations per analog layer over every deployed pass of the evaluation (empty without an ADC).</summary>
    public IReadOnlyList<LayerSaturation> Saturation { get; init; } = [];

    /// <summary>Accuracy vs read time of <c>OverTime(...)</c>, each time without and with drift compensation (empty without it).</summary>
    public IReadOnlyList<TimeRead> OverTime { get; init; } = [];

    /// <summary>Energy, latency and area per inference of the hardware the result was evaluated on (null where none was estimated).</summary>
    public CostEstimate? Cost { get; init; }

    /// <summary>Mean deployed accuracy (NaN when the spec does not evaluate deployed, i.e. Float mode).</summary>
    public double DeployedMean => Deployed.Count == 0 ? double.NaN : Deployed.Average();

    /// <summary>Sample standard deviation of the deployed accuracy over noise samples (0 for one sample).</summary>
    public double DeployedSd => Deployed.Count < 2 ? 0 : Math.Sqrt(Deployed.Sum(a => (a - DeployedMean) * (a - DeployedMean)) / (Deployed.Count - 1));

    /// <summary>True for a <c>--quick</c> run on the small subset (a smoke test: its numbers say nothing about the method).</summary>
    public bool SmokeTest { get; init; }

    /// <summary>The headline number: deployed mean when deployed, else the float accuracy.</summary>
    public double Accuracy => Deployed.Count > 0 ? DeployedMean : FloatAccuracy;
}
