using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>What a core experiment produced.</summary>
/// <param name="Name">Experiment name.</param>
/// <param name="Method">Training method.</param>
/// <param name="Seed">Seed of the first network.</param>
/// <param name="Ensembles">One row per ensemble size of the spec.</param>
/// <param name="Single">Deployed accuracy of each member alone (sampled crossbars or independently trained networks).</param>
/// <param name="TrainedModelAccuracy">Test accuracy of the first network's training graph (Gaussian spike probabilities, not deployed).</param>
/// <param name="Completed">False when cancelled (the rows hold what was finished).</param>
/// <param name="RunFolder">Where spec.txt and results.csv were written.</param>
public sealed record CoreExperimentResult(string Name, CoreTrainingMethod Method, int Seed, IReadOnlyList<CoreEnsembleResult> Ensembles,
    IReadOnlyList<double> Single, double TrainedModelAccuracy, bool Completed, string RunFolder)
{
    /// <summary>Mean deployed accuracy of one network.</summary>
    public double SingleMean => Single.Count == 0 ? double.NaN : Single.Average();

    /// <summary>Sample standard deviation of one network's deployed accuracy (0 for one member).</summary>
    public double SingleSd => Single.Count < 2 ? 0 : Math.Sqrt(Single.Sum(a => (a - SingleMean) * (a - SingleMean)) / (Single.Count - 1));
}
