using HwDsl.Data;
using System.Globalization;
using System.Text;
using HwDsl.Cli.Commands;
using HwDsl.Kernels;

namespace HwDsl.Cli.Bench;

/// <summary>
/// Runs the benchmark tables <see cref="BenchSettings.Only"/> selects, for each thread count; ours and the peer alternate
/// round by round so both see the same machine, and every ratio is between medians of the same run.
/// </summary>
internal sealed partial class BenchRunner(BenchSettings settings, CancellationToken cancel)
{
    private static readonly GemmCase[] Shapes =
    [
        new("fwd 1: X·W1", 128, 256, 784, GemmLayout.NN),
        new("fwd 2: H1·W2", 128, 256, 256, GemmLayout.NN),
        new("fwd 3: H2·W3", 128, 10, 256, GemmLayout.NN),
        new("dW1: Xᵀ·dZ1", 784, 256, 128, GemmLayout.TN),
        new("dW2: H1ᵀ·dZ2", 256, 256, 128, GemmLayout.TN),
        new("dW3: H2ᵀ·dZ3", 256, 10, 128, GemmLayout.TN),
        new("dH2: dZ3·W3ᵀ", 128, 256, 10, GemmLayout.NT),
        new("dH1: dZ2·W2ᵀ", 128, 256, 256, GemmLayout.NT),
        new("square 1024³", 1024, 1024, 1024, GemmLayout.NN),
    ];

    private readonly StringBuilder _report = new();

    // Our medians per table and thread count, for the scaling lines at the end.
    private readonly Dictionary<(string Table, int Threads), double> _ours = [];

    public int Run()
    {
        Write($"# hwdsl bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var line in Commands.DescribeCommand.Lines().Take(3)) Write($"    {line}");
        Write($"    load average: {LoadAverage()}");
        var only = settings.Only;
        foreach (var threads in settings.Threads)
        {
            using var pool = TrainCommand.CreatePool(threads);
            // The core-network and periphery tables have no peer (the periphery is a ratio to our own ideal periphery).
            using var peer = only.Any(t => t is not "cores" and not "periphery") ? StartPeer(threads) : null;
            if (peer is not null) Write($"    peer ({threads} thread(s)): torch {peer.Ready["torch"]}, numpy {peer.Ready["numpy"]}, OPENBLAS_CORETYPE={PeerProcess.BestCoreType() ?? "(auto-detect)"}");
            if (only.Contains("gemm")) GemmTable(pool, peer);
            if (only.Contains("train") || only.Contains("hwaware")) TrainTable(pool, peer, only.Contains("hwaware"));
            if (only.Contains("dies")) DieTable(pool, peer);
            if (only.Contains("cores")) CoreTable(pool);
            if (only.Contains("lenet")) LeNetTable(pool, peer);
            if (only.Contains("periphery")) PeripheryBench.Table(pool, settings.TrainRounds, Write, cancel);
        }
        ScalingLines();
        Write($"    load average at the end: {LoadAverage()}");
        if (settings.Markdown is { } path) File.WriteAllText(path, _report.ToString());
        return 0;
    }

    // Each table's median at every thread count against its 1-thread median, measured in this run.
    private void ScalingLines()
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>();
        foreach (var ((table, threads), value) in _ours.OrderBy(e => e.Key.Table, StringComparer.Ordinal).ThenBy(e => e.Key.Threads))
            if (threads > 1 && _ours.TryGetValue((table, 1), out var one))
                lines.Add(string.Create(inv, $"- {table}: {threads} threads {value / one:F2}× our 1 thread"));
        if (lines.Count == 0) return;
        Write("");
        Write("Scaling (medians above, higher is faster; target for float training ≥ 1.7× at 2 threads):");
        Write("");
        foreach (var line in lines) Write(line);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private PeerProcess? StartPeer(int threads)
    {
        if (settings.Peer == "none") return null;
        try
        {
            return PeerProcess.Start(settings.Python, settings.PeerScript, threads);
        }
        catch (UserInputException e) when (settings.Peer == "auto")
        {
            Write($"    (no peer: {e.Message})");
            return null;
        }
    }

    private void GemmTable(MacPool pool, PeerProcess? peer)
    {
        Write("");
        Write($"GEMM, {pool.Threads} thread(s), GFLOP/s, median of {settings.Rounds} interleaved rounds of {settings.Seconds} s");
        Write("");
        Write("| product | m×n×k | layout | HwDsl | OpenBLAS | ratio |");
        Write("|---|---|---|---:|---:|---:|");
        foreach (var shape in Shapes)
        {
            var ours = new List<double>();
            var theirs = new List<double>();
            for (var r = 0; r < settings.Rounds; r++)
            {
                cancel.ThrowIfCancellationRequested();
                ours.Add(GemmBenchmark.MeasureGflops(shape.M, shape.N, shape.K, shape.Layout, pool, TimeSpan.FromSeconds(settings.Seconds)));
                if (peer is not null)
                    theirs.Add(peer.Send(new { cmd = "gemm", m = shape.M, n = shape.N, k = shape.K, layout = shape.Layout.ToString(), seconds = settings.Seconds })["gflops"]!.GetValue<double>());
            }
            Row(shape.Name, $"{shape.M}×{shape.N}×{shape.K}", shape.Layout.ToString(), ours, theirs, "F1");
        }
    }

    private void LeNetTable(MacPool pool, PeerProcess? peer)
    {
        var data = new DatasetStore().Load("mnist", _ => { });
        Write("");
        Write($"{LeNetBench.Description}, {pool.Threads} thread(s), samples/s, median of {settings.TrainRounds} interleaved rounds");
        Write("");
        Write("| run | HwDsl | PyTorch | ratio | HwDsl test acc. | PyTorch test acc. |");
        Write("|---|---:|---:|---:|---:|---:|");
        var r = LeNetBench.Run(pool, peer, data, Path.GetDirectoryName(data.Files[0].Path)!, settings.TrainRounds, cancel);
        Row(r.PeerFormat is null ? "1 epoch" : $"1 epoch (PyTorch {r.PeerFormat})", "", null, r.Ours, r.Theirs, "N0", r.OurAccuracy, r.TheirAccuracy);
    }

    private void Row(string name, string shape, string? layout, List<double> ours, List<double> theirs, string format,
        List<double>? ourAccuracy = null, List<double>? theirAccuracy = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = Median(ours);
        var t = theirs.Count > 0 ? Median(theirs) : double.NaN;
        var ratio = theirs.Count > 0 ? (o / t).ToString("F2", inv) + "×" : "–";
        var peerText = theirs.Count > 0 ? t.ToString(format, inv) : "–";
        var cells = layout is null
            ? $"| {name} | {o.ToString(format, inv)} | {peerText} | {ratio} | {Accuracy(ourAccuracy)} | {Accuracy(theirAccuracy)} |"
            : $"| {name} | {shape} | {layout} | {o.ToString(format, inv)} | {peerText} | {ratio} |";
        Write(cells);
    }

    private static string Accuracy(List<double>? values) => values is { Count: > 0 } ? values.Average().ToString("P2", CultureInfo.InvariantCulture) : "–";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private void Write(string line)
    {
        Console.WriteLine(line);
        _report.AppendLine(line);
    }

    private sealed record GemmCase(string Name, int M, int N, int K, GemmLayout Layout);
}
