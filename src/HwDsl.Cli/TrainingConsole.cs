using System.Globalization;
using HwDsl.Training;
using Spectre.Console;

namespace HwDsl.Cli;

/// <summary>
/// Shows training progress: a live bar when stdout is a terminal, one plain line per epoch when it is piped
/// (so logs and CI output stay readable).
/// </summary>
internal sealed class TrainingConsole : ITrainingObserver
{
    private readonly bool _live = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
    private ProgressTask? _bar;

    public void Log(string line) => Console.WriteLine(line);

    public TrainingResult Train(Func<TrainingResult> run, int epochs)
    {
        if (!_live) return run();
        TrainingResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                _bar = ctx.AddTask("epoch 1", maxValue: epochs);
                result = run();
            });
        _bar = null;
        return result!;
    }

    public void OnBatch(int epoch, int batch, int batches, double runningLoss)
    {
        if (_bar is null) return;
        _bar.Description = $"epoch {epoch + 1} loss {runningLoss:F4}";
        _bar.Value = epoch + (double)batch / batches;
    }

    public void OnEpoch(EpochMetrics m)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"epoch {m.Epoch + 1,3}/{m.Epochs}  lr {m.LearningRate:G3}  loss {m.TrainLoss:F4}  train {m.TrainAccuracy:P2}  " +
            $"test {m.TestAccuracy:P2} (loss {m.TestLoss:F4})  {m.SamplesPerSecond:N0} samples/s  ETA {m.Remaining:mm\\:ss}");
        if (_bar is not null)
        {
            _bar.Value = m.Epoch + 1;
            AnsiConsole.MarkupLine(Markup.Escape(line));
        }
        else Console.WriteLine(line);
    }

    public void Summary(IReadOnlyList<int> seeds, IReadOnlyList<TrainingResult> results)
    {
        var accuracies = results.Select(r => r.TestAccuracy).ToArray();
        var mean = accuracies.Average();
        var sd = accuracies.Length > 1 ? Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / (accuracies.Length - 1)) : 0;
        var speed = results.Average(r => r.SamplesPerSecond);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"test accuracy {mean:P2} ± {sd * 100:F2} pp over seeds [{string.Join(", ", seeds)}] ({string.Join(", ", accuracies.Select(a => a.ToString("P2", CultureInfo.InvariantCulture)))}); {speed:N0} samples/s"));
    }
}
