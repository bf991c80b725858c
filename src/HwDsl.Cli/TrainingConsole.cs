using System.Globalization;
using HwDsl.Experiments;
using HwDsl.Training;

namespace HwDsl.Cli;

/// <summary>
/// The CLI's progress: <see cref="TrainingProgress"/> on the console (a live line on a terminal, plain lines when piped),
/// plus the one-line messages and the closing summary of <c>hwdsl train</c>.
/// </summary>
internal sealed class TrainingConsole : ITrainingObserver
{
    private readonly TrainingProgress _progress = TrainingProgress.ForConsole();

    public void Log(string line) => Console.WriteLine(line);

    public void OnStart(TrainingStart start) => _progress.OnStart(start);

    public void OnBatch(int epoch, int batch, int batches, double runningLoss) => _progress.OnBatch(epoch, batch, batches, runningLoss);

    public void OnEpoch(EpochMetrics m) => _progress.OnEpoch(m);

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
