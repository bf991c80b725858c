using System.CommandLine;
using HwDsl.Cli.Bench;

namespace HwDsl.Cli.Commands;

/// <summary>
/// <c>hwdsl bench</c>: the MAC core's GFLOP/s on the MLP's shapes and float-MLP training throughput, each
/// measured side by side with the PyTorch/OpenBLAS peer in the same run (interleaved rounds, medians, ratios).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var threads = new Option<string>("--threads", "-t") { Description = "thread counts to measure, comma-separated", DefaultValueFactory = _ => "1,2" };
        var rounds = new Option<int>("--rounds") { Description = "interleaved rounds per GEMM shape (median reported)", DefaultValueFactory = _ => 5 };
        var seconds = new Option<double>("--seconds") { Description = "seconds per GEMM measurement", DefaultValueFactory = _ => 0.3 };
        var trainRounds = new Option<int>("--train-rounds") { Description = "interleaved one-epoch training rounds (median reported)", DefaultValueFactory = _ => 3 };
        var only = new Option<string>("--only") { Description = "gemm, train, periphery or all", DefaultValueFactory = _ => "all" };
        var peer = new Option<string>("--peer") { Description = "auto (use the peer if it starts), required, or none", DefaultValueFactory = _ => "auto" };
        var python = new Option<string>("--python") { Description = "Python with Debian's python3-torch", DefaultValueFactory = _ => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3" };
        var peerScript = new Option<string?>("--peer-script") { Description = "path of bench/peer/peer.py (found from the working directory by default)" };
        var markdown = new Option<string?>("--markdown") { Description = "also write the result tables to this Markdown file" };
        var command = new Command("bench", "Measure the MAC core and training against PyTorch/OpenBLAS on this machine.")
        {
            threads, rounds, seconds, trainRounds, only, peer, python, peerScript, markdown,
        };
        command.SetAction((parse, cancel) =>
        {
            var settings = new BenchSettings(
                TrainCommand.ParseInts(parse.GetValue(threads)!, "--threads", minimum: 1),
                Positive(parse.GetValue(rounds), "--rounds"),
                parse.GetValue(seconds) is > 0 and <= 60 and var s ? s : throw new UserInputException($"--seconds must be in (0, 60]; got {parse.GetValue(seconds)}."),
                Positive(parse.GetValue(trainRounds), "--train-rounds"),
                OneOf(parse.GetValue(only)!, "--only", "gemm", "train", "periphery", "all"),
                OneOf(parse.GetValue(peer)!, "--peer", "auto", "required", "none"),
                parse.GetValue(python)!,
                parse.GetValue(peerScript) ?? FindPeerScript(),
                parse.GetValue(markdown));
            return Task.FromResult(new BenchRunner(settings, cancel).Run());
        });
        return command;
    }

    private static string OneOf(string value, string option, params string[] allowed)
        => allowed.Contains(value) ? value : throw new UserInputException($"{option}: '{value}' is not one of {string.Join(", ", allowed)}.");

    private static int Positive(int value, string option) => value >= 1 ? value : throw new UserInputException($"{option} must be at least 1; got {value}.");

    private static string FindPeerScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "peer", "peer.py");
                if (File.Exists(candidate)) return candidate;
            }
        return Path.Combine("bench", "peer", "peer.py");
    }
}

internal sealed record BenchSettings(IReadOnlyList<int> Threads, int Rounds, double Seconds, int TrainRounds, string Only, string Peer,
    string Python, string PeerScript, string? Markdown);
