using HwDsl.Data;
using HwDsl.Kernels;
using HwDsl.Training;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// Runs a core experiment: trains (one network for the probabilistic baseline, one per ensemble member for learned
/// binary crossbars, seeds Seed, Seed + 1, …), deploys (sampled or binarized crossbars, integer leaks), evaluates every
/// deployed network on the test split as the chip computes it, and sums class spike counts over ensemble members.
/// </summary>
public static class CoreExperimentRunner
{
    /// <summary>Runs <paramref name="spec"/>; cancellation returns what was finished.</summary>
    public static CoreExperimentResult Run(CoreExperimentSpec spec, ExperimentOptions? options = null)
    {
        options ??= new ExperimentOptions();
        var pool = options.Pool ?? MacPool.Shared;
        var data = options.LoadData(spec.Data.Name);
        if (data.Train.FeatureCount != spec.Network.Width * spec.Network.Height || data.Train.ClassCount != spec.Network.Classes)
            throw new ArgumentException($"data set '{data.Name}' has {data.Train.FeatureCount} inputs and {data.Train.ClassCount} classes; " +
                $"the core network expects {spec.Network.Width * spec.Network.Height} and {spec.Network.Classes}.");
        var run = RunFolder.Create(spec.Name, options.RunRoot);
        options.Log?.Invoke($"run folder: {run.Path}");
        run.WriteText("spec.txt", spec.DebugView());

        var members = new List<CoreEvaluation>();
        var trainedAccuracy = double.NaN;
        var completed = true;
        var learned = spec.Training.Method == CoreTrainingMethod.LearnedBinary;
        CoreNetwork? network = null;
        for (var m = 0; m < spec.Members && completed; m++)
        {
            if (network is null || learned)
            {
                network = new CoreNetwork(spec.Network, spec.Training, spec.Seed + m);
                var trained = Trainer.Train(network, data, Options(spec, spec.Seed + m), pool, options.Observer, options.Cancel);
                completed = trained.Completed;
                if (m == 0 && trained.Epochs.Count > 0) trainedAccuracy = trained.Epochs[^1].TestAccuracy;
                if (!completed) break;
            }
            var deployed = learned ? DeployedCores.Binarized(network) : DeployedCores.Sampled(network, spec.Seed, m);
            members.Add(deployed.Evaluate(data.Test, spec.Seed, options.Cancel));
            options.Log?.Invoke($"member {m + 1}/{spec.Members}: deployed accuracy {CoreEvaluation.Accuracy([members[^1]]):P2}");
        }

        var rows = spec.Ensembles.Where(k => k <= members.Count).Select(k => Summarize(members.Take(k).ToList())).ToList();
        var result = new CoreExperimentResult(spec.Name, spec.Training.Method, spec.Seed, rows,
            [.. members.Select(e => CoreEvaluation.Accuracy([e]))], trainedAccuracy, completed, run.Path);
        run.WriteCsv("results.csv", ["name", "method", "seed", "ensemble", "accuracy", "cores", "neuron_spikes_per_image", "synaptic_events_per_image", "axon_spikes_per_image"],
            rows.Select(r => (IReadOnlyList<object?>)[spec.Name, spec.Training.Method, spec.Seed, r.Size, r.Accuracy, r.Cores, r.NeuronSpikesPerImage, r.SynapticEventsPerImage, r.AxonSpikesPerImage]));
        return result;
    }

    /// <summary>Accuracy and energy proxy of an ensemble (counts summed over its members).</summary>
    public static CoreEnsembleResult Summarize(IReadOnlyList<CoreEvaluation> members)
    {
        var images = (double)members[0].Images;
        var activity = members.Aggregate(new CoreActivity(), (a, e) => a.Add(e.Activity));
        return new CoreEnsembleResult(members.Count, CoreEvaluation.Accuracy(members), members.Sum(e => e.Cores),
            activity.NeuronSpikes / images, activity.SynapticEvents / images, activity.AxonSpikes / images);
    }

    private static TrainingOptions Options(CoreExperimentSpec spec, int seed) =>
        new(spec.Training.Epochs, spec.Training.Batch,
            TrainingRecipes.Optimizer(spec.Training.Optimizer, spec.Training.LearningRate, spec.Training.Momentum, spec.Training.WeightDecay),
            TrainingRecipes.Schedule(spec.Training.Schedule), seed)
        {
            Shift = spec.Training.Shift > 0 ? new RandomShift(spec.Network.Width, spec.Network.Height, spec.Training.Shift) : null,
        };
}
