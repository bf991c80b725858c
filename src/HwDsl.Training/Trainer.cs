using System.Diagnostics;
using HwDsl.Autodiff;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Training;

/// <summary>
/// Mini-batch training of a classifier with softmax cross-entropy. Deterministic: the same model seed, data seed,
/// options and thread count give the same numbers bit for bit (the MAC core never splits a reduction).
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="model"/> on <paramref name="data"/>'s training split and evaluates on its test split after each
    /// epoch; with <see cref="TrainingOptions.Resume"/> it continues after that checkpoint's epochs, ending bit-identical to an
    /// uninterrupted run. A non-finite loss, gradient or weight throws <see cref="TrainingDivergedException"/> at that batch;
    /// any exception leaving here carries its epoch and batch (<see cref="TrainingFailure.Position"/>).
    /// </summary>
    public static TrainingResult Train(ILayer<float> model, Dataset data, TrainingOptions options, MacPool? pool = null,
        ITrainingObserver? observer = null, CancellationToken cancel = default)
    {
        options.Validate();
        pool ??= MacPool.Shared;
        var train = data.Train;
        var tape = new Tape<float>(pool);
        var optimizer = options.Optimizer.Create(model.Parameters);
        if (options.Shift is { } shift && shift.Width * shift.Height != train.FeatureCount)
            throw new ArgumentException($"shift augmentation is for {shift.Width}×{shift.Height} images but data set '{data.Name}' has {train.FeatureCount} inputs.");
        var batcher = new MiniBatcher(train, options.BatchSize, options.Seed);
        var x = new float[options.BatchSize * train.FeatureCount];
        var labels = new int[options.BatchSize];
        var epochs = new List<EpochMetrics>();
        var reportEvery = Math.Max(1, batcher.BatchesPerEpoch / 50);
        var divergence = new DivergenceCheck(model.Parameters, options.Epochs, batcher.BatchesPerEpoch);
        var total = Stopwatch.StartNew();
        observer?.OnStart(new TrainingStart(options.Epochs, batcher.BatchesPerEpoch, options.BatchSize, train.Count));

        var first = 0;
        if (options.Resume is { } resume)
        {
            TrainingState.Restore(resume, model, optimizer, options.Epochs);
            epochs.AddRange(resume.Epochs);
            first = resume.EpochsDone;
        }

        for (var epoch = first; epoch < options.Epochs; epoch++)
        {
            var b = -1;
            try
            {
                optimizer.LearningRate = options.Optimizer.LearningRate * options.Schedule.Factor(epoch, options.Epochs);
                (model as IEpochAware)?.BeginEpoch(epoch, options.Epochs);
                batcher.StartEpoch(epoch);
                double lossSum = 0;
                long correct = 0, seen = 0;
                var clock = Stopwatch.StartNew();
                for (b = 0; b < batcher.BatchesPerEpoch; b++)
                {
                    if (cancel.IsCancellationRequested) return new TrainingResult(epochs, Completed: false);
                    var rows = batcher.Fill(b, x, labels, pool);
                    options.Shift?.Apply(x, rows, options.Seed, epoch, b);
                    optimizer.ZeroGrad(pool);
                    var input = Tensor<float>.Constant(x, rows, train.FeatureCount);
                    var loss = tape.SoftmaxCrossEntropy(model.Forward(tape, input), labels.AsSpan(0, rows), out var c);
                    var lossValue = loss.Values[0];
                    divergence.Loss(lossValue, epoch, b, optimizer.LearningRate);
                    tape.Backward(loss);
                    optimizer.Step(pool);
                    divergence.Parameters(epoch, b, optimizer.LearningRate, optimizer.LastStepFinite);
                    lossSum += lossValue * rows;
                    correct += c;
                    seen += rows;
                    tape.Reset();
                    if (observer is not null && (b + 1) % reportEvery == 0) observer.OnBatch(epoch, b + 1, batcher.BatchesPerEpoch, lossSum / seen);
                }
                b = -1;
                clock.Stop();
                (model as IEpochAware)?.BeginEvaluation();
                var (testLoss, testAccuracy) = Evaluation.Run(model, data.Test, tape, options.EvaluationBatchSize);
                (model as IEpochAware)?.EndEvaluation();
                var elapsed = total.Elapsed;
                var metrics = new EpochMetrics(epoch, options.Epochs, optimizer.LearningRate, lossSum / seen, (double)correct / seen,
                    testLoss, testAccuracy, seen / clock.Elapsed.TotalSeconds, clock.Elapsed, elapsed,
                    elapsed / (epoch + 1 - first) * (options.Epochs - epoch - 1));
                epochs.Add(metrics);
                observer?.OnEpoch(metrics);
                if (observer is ICheckpointSink sink) sink.OnCheckpoint(TrainingState.Capture(epoch + 1, model, optimizer, epochs));
            }
            catch (Exception e) when (TrainingFailure.Mark(e, epoch, b))
            {
                throw; // never reached: Mark only attaches the position and returns false
            }
        }
        return new TrainingResult(epochs, Completed: true);
    }
}
