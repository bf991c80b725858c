using System.CommandLine;
using HwDsl.Cli.Bench;

namespace HwDsl.Cli.Commands;

/// <summary>
/// <c>hwdsl bench</c>: the MAC core's GFLOP/s on the MLP's shapes, float and hardware-aware MLP training, LeNet-5
/// training, Monte-Carlo evaluation over dies and core-network training; all but the last measured side by side with the
/// PyTorch/OpenBLAS peer in the same run (interleaved rounds, medians, ratios). <c>--only</c> picks tables, so each can be
/// run alone.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var threads = new Option<string>("--threads", "-t") { Description = "thread counts to measure, comma-separated", DefaultValueFactory = _ => "1,2" };
        var rounds = new Option<int>("--rounds") { Description = "interleaved rounds per GEMM shape (median reported)", DefaultValueFactory = _ => 5 };
        var seconds = new Option<double>("--seconds") { Description = "seconds per GEMM measurement", DefaultValueFactory = _ => 0.3 };
        var trainRounds = new Option<int>("--train-rounds") { Description = "interleaved one-epoch training rounds (median reported)", DefaultValueFactory = _ => 3 };
        var only = new Option<string>("--only") { Description = $"tables to run, comma-separated: {string.Join(", ", BenchSettings.Tables)} or all", DefaultValueFactory = _ => "all" };
        var dies = new Option<int>("--dies") { Description = "dies of the Monte-Carlo row (each evaluated on the 10,000 MNIST test images)", DefaultValueFactory = _ => 36 };
        var peer = new Option<string>("--peer") { Description = "auto (use the peer if it starts), required, or none", DefaultValueFactory = _ => "auto" };
        var python = new Option<string>("--python") { Description = "Python with Debian's python3-torch", DefaultValueFactory = _ => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3" };
        var peerScript = new Option<string?>("--peer-script") { Description = "path of bench/peer/peer.py (found from the working directory by default)" };
        var markdown = new Option<string?>("--markdown") { Description = "also write the result tables to this Markdown file" };
        var command = new Command("bench", "Measure the MAC core and training against PyTorch/OpenBLAS on this machine.")
        {
            threads, rounds, seconds, trainRounds, only, dies, peer, python, peerScript, markdown,
        };
        command.SetAction((parse, cancel) =>
        {
            var settings = new BenchSettings(
                TrainCommand.ParseInts(parse.GetValue(threads)!, "--threads", minimum: 1),
                Positive(parse.GetValue(rounds), "--rounds"),
                parse.GetValue(seconds) is > 0 and <= 60 and var s ? s : throw new UserInputException($"--seconds must be in (0, 60]; got {parse.GetValue(seconds)}."),
                Positive(parse.GetValue(trainRounds), "--train-rounds"),
                Tables(parse.GetValue(only)!),
                Positive(parse.GetValue(dies), "--dies"),
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

    // "all" or a comma-separated subset of the tables, in the order the bench runs them.
    private static IReadOnlySet<string> Tables(string value)
    {
        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new UserInputException($"--only: '{value}' names no table; use {string.Join(", ", BenchSettings.Tables)} or all.");
        foreach (var name in names)
            if (name != "all" && !BenchSettings.Tables.Contains(name))
                throw new UserInputException($"--only: '{name}' is not one of {string.Join(", ", BenchSettings.Tables)}, all.");
        return names.Contains("all") ? BenchSettings.Tables.ToHashSet() : names.ToHashSet();
    }

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

internal sealed record BenchSettings(IReadOnlyList<int> Threads, int Rounds, double Seconds, int TrainRounds, IReadOnlySet<string> Only,
    int Dies, string Peer, string Python, string PeerScript, string? Markdown)
{
    /// <summary>
    /// The tables --only selects: GEMM shapes, float MLP training, hardware-aware 4-bit training (with the float row it is
    /// compared with), Monte-Carlo evaluation over dies, core-network training, deployed evaluation with the analog periphery.
    /// </summary>
    public static readonly IReadOnlyList<string> Tables = ["gemm", "train", "hwaware", "lenet", "dies", "cores", "periphery"];
}
