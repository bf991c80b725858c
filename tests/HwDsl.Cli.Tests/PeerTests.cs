using System.Text.Json.Nodes;
using HwDsl.Cli.Bench;

namespace HwDsl.Cli.Tests;

/// <summary>
/// The PyTorch/OpenBLAS peer speaks its protocol. These need Debian's python3-torch, which .ci/run installs;
/// without it they fail with the install instruction rather than pass silently.
/// </summary>
public sealed class PeerTests
{
    private static readonly string Script = Path.Combine(Hwdsl.RepoRoot, "bench", "peer", "peer.py");

    [Fact]
    public void Peer_starts_reports_its_configuration_and_times_a_gemm()
    {
        using var peer = PeerProcess.Start("/usr/bin/python3", Script, 1);
        Assert.True(peer.Ready["torch"] is not null, peer.Ready.ToJsonString());
        var answer = peer.Send(new { cmd = "gemm", m = 64, n = 48, k = 32, layout = "TN", seconds = 0.05 });
        Assert.True(answer["gflops"]!.GetValue<double>() > 0.1, answer.ToJsonString());
        Assert.True(answer["gflops"]!.GetValue<double>() >= answer["gflops_numpy"]!.GetValue<double>());
    }

    [Fact]
    public void Peer_reports_bad_commands_as_errors_and_keeps_serving()
    {
        using var peer = PeerProcess.Start("/usr/bin/python3", Script, 1);
        var e = Assert.Throws<UserInputException>(() => peer.Send(new { cmd = "fly" }));
        Assert.Contains("fly", e.Message);
        Assert.NotNull(peer.Send(new { cmd = "gemm", m = 8, n = 8, k = 8, layout = "NN", seconds = 0.01 })["gflops"]);
    }

    [Fact]
    public void Peer_evaluates_a_binary_network_over_dies_batched_and_reports_its_faster_form()
    {
        var mnist = Path.GetDirectoryName(new HwDsl.Data.DatasetStore().Load("mnist", _ => { }).Files[0].Path)!;
        using var peer = PeerProcess.Start("/usr/bin/python3", Script, 1);
        var answer = peer.Send(new { cmd = "dies", data = mnist, hidden = 16, dies = 3, seed = 1 });
        Assert.True(answer["seconds"]!.GetValue<double>() > 0, answer.ToJsonString());
        Assert.Contains(answer["form"]!.GetValue<string>(), new[] { "bmm", "wide mm" });
        Assert.Equal(answer["seconds"]!.GetValue<double>(), answer["seconds_by_form"]!.AsObject().Min(f => f.Value!.GetValue<double>()));
        Assert.InRange(answer["mean_accuracy"]!.GetValue<double>(), 0.0, 1.0);
        var e = Assert.Throws<UserInputException>(() => peer.Send(new { cmd = "dies", data = mnist, shorted = 0.5, shorted_sd = 0.9 }));
        Assert.Contains("no Beta distribution", e.Message);
    }

    [Fact]
    public void Peer_trains_lenet5_in_the_quicker_memory_format()
    {
        var data = new HwDsl.Data.DatasetStore().Load("mnist");
        using var peer = PeerProcess.Start("/usr/bin/python3", Script, 1);
        var answer = peer.Send(new { cmd = "lenet", data = Path.GetDirectoryName(data.Files[0].Path), limit = 1000, lr = 3e-3, warmup_batches = 1, seed = 0 });
        Assert.True(answer["samples_per_s"]!.GetValue<double>() > 1, answer.ToJsonString());
        Assert.Contains(answer["memory_format"]!.GetValue<string>(), new[] { "contiguous", "channels_last" });
        Assert.Equal(2, answer["warmup_seconds_per_batch"]!.AsObject().Count);
        Assert.InRange(answer["test_accuracy"]!.GetValue<double>(), 0.3, 1.0);   // 10 batches of 100: well above chance (10 %)
    }

    [Fact]
    public void A_missing_interpreter_is_a_one_line_instruction()
    {
        var e = Assert.Throws<UserInputException>(() => PeerProcess.Start("/nonexistent/python3", Script, 1));
        Assert.Contains("python3-torch", e.Message);
    }
}
