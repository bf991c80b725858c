using System.Diagnostics;
using System.Globalization;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>
/// The one progress display of every host (<c>hwdsl train</c>, <c>run</c>, the REPL, sweep points, F#): on a terminal a
/// live line (epoch, bar, batch, running loss, samples/s, ETA) rewritten in place, then one line per finished epoch;
/// when the output is not a terminal (a log, a pipe, a sweep point's <c>stdout.log</c>) plain lines only: the same
/// fields at each quarter of an epoch, and the epoch line.
/// </summary>
public sealed class TrainingProgress : ITrainingObserver
{
    private const int BarWidth = 20;
    private readonly TextWriter _writer;
    private readonly bool _live;
    private readonly Stopwatch _epochClock = new(), _redraw = new();
    private TrainingStart? _start;
    private int _epoch = -1, _lastQuarter;
    private bool _lineOpen;

    /// <summary>Progress written to <paramref name="writer"/>; <paramref name="live"/> redraws one line in place (terminals only).</summary>
    public TrainingProgress(TextWriter writer, bool live)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _live = live;
    }

    /// <summary>Progress on the console: live when standard output is a terminal, plain lines otherwise.</summary>
    public static TrainingProgress ForConsole() => new(Console.Out, IsTerminal);

    /// <summary>True when standard output is an interactive terminal that understands carriage return and erase-line.</summary>
    public static bool IsTerminal => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") is not ("dumb" or "");

    /// <inheritdoc />
    public void OnStart(TrainingStart start)
    {
        _start = start;
        _epoch = -1;
    }

    /// <inheritdoc />
    public void OnBatch(int epoch, int batch, int batches, double runningLoss)
    {
        if (epoch != _epoch)
        {
            _epoch = epoch;
            _lastQuarter = 0;
            _epochClock.Restart();
        }
        var line = Line(epoch, batch, batches, runningLoss, _live);
        if (_live)
        {
            if (_redraw.IsRunning && _redraw.ElapsedMilliseconds < 100 && batch < batches) return;
            _redraw.Restart();
            _writer.Write("\r\u001b[2K" + line);
            _writer.Flush();
            _lineOpen = true;
            return;
        }
        var quarter = 4 * batch / Math.Max(1, batches);
        if (quarter <= _lastQuarter || quarter >= 4) return;
        _lastQuarter = quarter;
        _writer.WriteLine(line);
    }

    /// <inheritdoc />
    public void OnEpoch(EpochMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (_lineOpen) _writer.Write("\r\u001b[2K");
        _lineOpen = false;
        _writer.WriteLine(EpochLine(m));
        _writer.Flush();
        _epoch = -1;
    }

    /// <summary>The line printed after each epoch (it starts with <c>epoch</c>, as logs have always been read).</summary>
    public static string EpochLine(EpochMetrics m, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(m);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Prefix(label)}epoch {m.Epoch + 1,3}/{m.Epochs}  lr {m.LearningRate:G3}  loss {m.TrainLoss:F4}  train {m.TrainAccuracy:P2}  " +
            $"test {m.TestAccuracy:P2} (loss {m.TestLoss:F4})  {m.SamplesPerSecond:N0} samples/s  ETA {Clock(m.Remaining)}");
    }

    private string Line(int epoch, int batch, int batches, double loss, bool bar)
    {
        var inv = CultureInfo.InvariantCulture;
        var epochs = _start?.Epochs ?? 0;
        var seconds = _epochClock.Elapsed.TotalSeconds;
        var perBatch = batch > 0 ? seconds / batch : 0;
        var samples = _start is { } s ? Math.Min((long)batch * s.BatchSize, s.TrainSamples) : 0;
        var speed = seconds > 0 && samples > 0 ? string.Create(inv, $"  {samples / seconds:N0} samples/s") : "";
        var remaining = epochs > 0 ? TimeSpan.FromSeconds(perBatch * (batches - batch + (long)batches * (epochs - epoch - 1))) : (TimeSpan?)null;
        var filled = (int)Math.Round(BarWidth * (double)batch / Math.Max(1, batches));
        var graph = bar ? "[" + new string('#', filled) + new string('.', BarWidth - filled) + "] " : "";
        var of = epochs > 0 ? string.Create(inv, $"/{epochs}") : "";
        return string.Create(inv,
            $"{Prefix(_start?.Label)}epoch {epoch + 1}{of} {graph}batch {batch}/{batches}  loss {loss:F4}{speed}{(remaining is { } r ? "  ETA " + Clock(r) : "")}");
    }

    private static string Prefix(string? label) => string.IsNullOrEmpty(label) ? "" : label + "  ";

    private static string Clock(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t:mm\\:ss}")
        : t.ToString("mm\\:ss", CultureInfo.InvariantCulture);
}
