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
    /// <summary>Runs <paramref name="spec"/>; cancellation returns what was finished. run.json ends with the run's true status
    /// (completed, cancelled, failed or diverged, with the member, epoch and batch), and each trained member leaves a
    /// checkpoint after every epoch, so a resumed script continues the run from there.</summary>
    public static CoreExperimentResult Run(CoreExperimentSpec spec, ExperimentOptions? options = null)
    {
        options ??= new ExperimentOptions();
        var pool = options.Pool ?? MacPool.Shared;
        var data = options.LoadData(spec.Data.Name);
        if (data.Train.FeatureCount != spec.Network.Width * spec.Network.Height || data.Train.ClassCount != spec.Network.Classes)
            throw new ArgumentException($"data set '{data.Name}' has {data.Train.FeatureCount} inputs and {data.Train.ClassCount} classes; " +
                $"the core network expects {spec.Network.Width * spec.Network.Height} and {spec.Network.Classes}.");
        // Numbered like experiment runs, so a resumed script continues this run in its own folder.
        var ordinal = options.Invocation?.NextOrdinal();
        var earlier = ordinal is { } o ? options.Resume?.Folder(o) : null;
        var run = earlier is null ? RunFolder.Create(spec.Name, options.RunRoot) : RunFolder.Open(earlier);
        options.Log?.Invoke($"run folder: {run.Path}{(earlier is null ? "" : " (resumed)")}");
        var text = spec.DebugView();
        if (earlier is not null && File.Exists(Path.Combine(earlier, "spec.txt")) && File.ReadAllText(Path.Combine(earlier, "spec.txt")) != text)
            throw new RunException($"cannot resume {earlier}: run {ordinal} of the script is now a different experiment ('{spec.Name}', spec.txt differs); resume with the same script and --set values.");
        run.WriteText("spec.txt", text);
        var record = new CoreRunRecord(spec, data, pool.Threads, options.Invocation, ordinal);
        run.WriteJson("run.json", record.With(RunStatus.Running));

        var members = new List<CoreEvaluation>();
        var trainedAccuracy = double.NaN;
        var completed = true;
        var learned = spec.Training.Method == CoreTrainingMethod.LearnedBinary;
        CoreNetwork? network = null;
        var m = 0;
        try
        {
            for (; m < spec.Members && completed; m++)
            {
                if (network is null || learned)
                {
                    // One checkpoint per trained member: a resumed run restores finished members and continues the one it was in.
                    var file = $"checkpoint-member{m + 1}.bin";
                    network = new CoreNetwork(spec.Network, spec.Training, spec.Seed + m);
                    var resume = earlier is null ? null : CheckpointFile.Read(earlier, file)?.Checkpoint;
                    var sink = new CoreCheckpoints(run, file, options.Observer, options.Checkpoints);
                    var trained = Trainer.Train(network, data, Options(spec, spec.Seed + m) with { Resume = resume }, pool, sink, options.Cancel);
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
            run.WriteCsv("results.csv", ["name", "method", "seed", "ensemble", "accuracy", "cores", "neuron_spikes_per_image", "synaptic_events_per_image", "axon_spikes_per_image", "energy_per_image_j"],
                rows.Select(r => (IReadOnlyList<object?>)[spec.Name, spec.Training.Method, spec.Seed, r.Size, r.Accuracy, r.Cores, r.NeuronSpikesPerImage, r.SynapticEventsPerImage, r.AxonSpikesPerImage, r.EnergyPerImage]));
            run.WriteJson("run.json", record.With(completed ? RunStatus.Completed : RunStatus.Cancelled));
            return result;
        }
        catch (OperationCanceledException)
        {
            run.WriteJson("run.json", record.With(RunStatus.Cancelled));
            throw;
        }
        catch (Exception e)
        {
            var failure = RunFailure.From(e);
            run.WriteJson("run.json", record.With(failure.Status, failure, m));
            throw;
        }
    }

    /// <summary>Forwards progress and writes one member's checkpoint after every epoch.</summary>
    private sealed class CoreCheckpoints(RunFolder run, string file, ITrainingObserver? inner, bool enabled) : ICheckpointSink
    {
        public void OnBatch(int epoch, int batch, int batches, double runningLoss) => inner?.OnBatch(epoch, batch, batches, runningLoss);
        public void OnEpoch(EpochMetrics metrics) => inner?.OnEpoch(metrics);
        public void OnCheckpoint(TrainingCheckpoint checkpoint)
        {
            if (enabled) CheckpointFile.Write(run, checkpoint, [], final: checkpoint.EpochsDone == checkpoint.Epochs[^1].Epochs, file);
        }
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
