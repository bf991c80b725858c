using System.Reflection;
using HwDsl.Autodiff;
using HwDsl.Contracts;
using HwDsl.Data;
using HwDsl.Kernels;
using HwDsl.Training;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// Runs an experiment spec end to end: compile, train in the spec's mode, evaluate in software and as deployed
/// (one pass per programming-noise sample), and record everything in a run folder as it happens.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs <paramref name="spec"/>; cancellation returns the partial result with what was recorded so far.</summary>
    public static ExperimentResult Run(ExperimentSpec spec, ExperimentOptions? options = null) => Run(spec, options, out _);

    /// <summary>As <see cref="Run(ExperimentSpec, ExperimentOptions?)"/>, also handing back the trained network
    /// (e.g. to deploy float-trained weights on other hardware with <see cref="Transfer"/>).</summary>
    public static ExperimentResult Run(ExperimentSpec spec, ExperimentOptions? options, out CompiledNetwork trainedNetwork)
        => Run(spec, options, start: null, out trainedNetwork);

    /// <summary>
    /// As <see cref="Run(ExperimentSpec, ExperimentOptions?)"/>, but training starts from the weights of
    /// <paramref name="start"/> (same topology, e.g. a float-trained network fine-tuned with rounding in the loop)
    /// instead of a fresh initialisation.
    /// </summary>
    public static ExperimentResult FineTune(ExperimentSpec spec, CompiledNetwork start, ExperimentOptions? options = null)
        => Run(spec, options, start ?? throw new ArgumentNullException(nameof(start)), out _);

    private static ExperimentResult Run(ExperimentSpec spec, ExperimentOptions? options, CompiledNetwork? start, out CompiledNetwork trainedNetwork)
    {
        options ??= new ExperimentOptions();
        var pool = options.Pool ?? MacPool.Shared;
        var data = options.LoadData(spec.Data.Name);
        // Bound before anything is written or trained: every device value final, every rule checked, die maps read; then
        // every layer's size checked before the compiler allocates it.
        var bound = ExperimentBinder.Bind(spec, options.Devices ?? DeviceCatalog.Default, data.Train.FeatureCount, data.Train.ClassCount);
        RunChecks.BeforeCompile(bound, spec, data);
        var network = NetworkCompiler.Compile(bound);
        if (start is not null) network.CopyParametersFrom(start);
        network.Calibration = DeployedEvaluation.CalibrationBatch(data.Train);
        network.Pool = pool;
        var training = ToTrainingOptions(spec);
        training.Validate();

        // From here on the run has a folder, and run.json ends with its true status whatever happens.
        var session = RunSession.Start(spec, data, network, options, pool.Threads);
        try
        {
            var trained = Trainer.Train(network, data, training with { Resume = session.Checkpoint }, pool, session.Metrics, options.Cancel);
            trainedNetwork = network;
            var exports = new RunExports(session.Folder, network);
            exports.WriteWeights();
            var result = Evaluate(spec, network, data, pool, trained, session.Folder.Path, exports.AddSample);
            DeployedEvaluation.Write(session.Folder, result);
            return RunOutputs.Close(session.Folder, session.Record, spec, data, result, exports, options,
                floatBaseline: spec.Training.Mode == TrainingMode.Float ? result.FloatAccuracy : null, trainedHere: start is null);
        }
        catch (OperationCanceledException)
        {
            session.Finish(RunStatus.Cancelled);
            throw;
        }
        catch (Exception e)
        {
            session.Fail(e);
            throw;
        }
    }

    /// <summary>
    /// Naive mapping without retraining: compiles <paramref name="spec"/> (its hardware), loads the weights of
    /// <paramref name="trained"/> (same topology) and evaluates them as <paramref name="spec"/> says.
    /// </summary>
    public static ExperimentResult Transfer(ExperimentSpec spec, CompiledNetwork trained, TrainingResult training, ExperimentOptions? options = null)
    {
        options ??= new ExperimentOptions();
        var data = options.LoadData(spec.Data.Name);
        var network = NetworkCompiler.Compile(ExperimentBinder.Bind(spec, options.Devices ?? DeviceCatalog.Default, data.Train.FeatureCount, data.Train.ClassCount));
        network.CopyParametersFrom(trained);
        network.Calibration = DeployedEvaluation.CalibrationBatch(data.Train);
        var pool = options.Pool ?? MacPool.Shared;
        network.Pool = pool;
        // A naive mapping is a row of its own in every table, so it gets a run folder of its own too.
        var (run, record) = RunOutputs.Open(spec, data, network, options, pool.Threads);
        RunOutputs.CopyMetrics(run, training);
        var exports = new RunExports(run, network);
        exports.WriteWeights();
        var result = Evaluate(spec, network, data, pool, training, run.Path, exports.AddSample);
        DeployedEvaluation.Write(run, result);
        // The weights are the float run's, so their software accuracy is that run's: the float baseline.
        return RunOutputs.Close(run, record, spec, data, result, exports, options, floatBaseline: result.FloatAccuracy, trainedHere: false);
    }

    /// <summary>Software and deployed accuracy of a trained network for <paramref name="spec"/>'s evaluation.</summary>
    /// <remarks>With a <paramref name="runFolder"/>, the deployed accuracies are recorded in its <see cref="EvaluationLog"/>;
    /// <paramref name="deployed"/> is called with the sample index right after each noise sample is programmed.</remarks>
    public static ExperimentResult Evaluate(ExperimentSpec spec, CompiledNetwork network, Dataset data, MacPool pool,
        TrainingResult trained, string runFolder, Action<int>? deployed = null)
    {
        var tape = new Tape<float>(pool);
        var phase = network.Phase;
        try
        {
            network.Phase = NetworkPhase.Float;
            var floatAccuracy = Evaluation.Run(network, data.Test, tape).Accuracy;
            var accuracies = new List<double>();
            DeployedEvaluation.Outcome? outcome = null;
            if (spec.Evaluation.Deployed && spec.Evaluation.Dies is { } dies)
            {
                var shapes = DieSource.Shapes(network);
                accuracies.AddRange(DieEvaluator.Evaluate(network, dies.Count, i => DieSource.Die(dies, spec.Layers, shapes, i), data.Test, pool));
            }
            else if (spec.Evaluation.Deployed && network.HardwareLayers.Any())
            {
                network.Calibration ??= DeployedEvaluation.CalibrationBatch(data.Train);
                outcome = DeployedEvaluation.Run(spec, network, data.Test, tape, deployed);
                accuracies = outcome.Deployed;
            }
            EvaluationLog.Record(runFolder, spec.Evaluation.ReadSeconds, accuracies, dies: spec.Evaluation.Dies is not null);
            return new ExperimentResult(spec.Name, spec.Training.Mode, spec.Seed, floatAccuracy, accuracies, trained, runFolder)
            {
                Saturation = outcome?.Saturation ?? [],
                OverTime = outcome?.OverTime ?? [],
                Cost = CostModel.Estimate(network),
            };
        }
        finally
        {
            network.Phase = phase;
        }
    }

    /// <summary>The trainer's options for the spec's training section.</summary>
    public static TrainingOptions ToTrainingOptions(ExperimentSpec spec)
    {
        var t = spec.Training;
        return new TrainingOptions(t.Epochs, t.Batch, TrainingRecipes.Optimizer(t.Optimizer, t.LearningRate, t.Momentum, t.WeightDecay),
            TrainingRecipes.Schedule(t.Schedule), spec.Seed);
    }
}
