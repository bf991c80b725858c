using static HwDsl.Compiler.Tests.PeripheryNet;

namespace HwDsl.Compiler.Tests;

/// <summary>Drift through the device's own Drift(cell, t) (PCM), read after one programming at several times, and global
/// drift compensation (one scalar per tile from the all-ones calibration read).</summary>
public sealed class DriftCompensationTests
{
    private const double Day = 86400;
    private static readonly float[] X = Inputs(40);

    private static ExperimentSpec Pcm(bool compensation) =>
        Spec(h => h.Device("pcm", "nandakumar2019"), evaluate: compensation ? e => e.DriftCompensation() : null);

    private static double MeanAbs(float[] y, float[] bias) => y.Select((v, k) => Math.Abs((double)v - bias[k % bias.Length])).Average();

    [Fact]
    public void Compensation_restores_the_mean_output_a_day_after_programming_and_off_it_changes_nothing()
    {
        var net = Compile(Pcm(compensation: true), PluginCatalog.Create());
        var bias = net.HardwareLayers.First().Bias.Values.ToArray();
        net.Deploy(7, 0, true, seconds: 0, read: 0);
        net.CaptureDriftReference();
        var fresh = MeanAbs(Layer0(net, X), bias);
        net.Deploy(7, 0, true, seconds: Day, read: 1);
        var drifted = Layer0(net, X);
        net.DriftCompensation = true;
        var compensated = Layer0(net, X);
        net.DriftCompensation = false;
        Assert.Equal(drifted, Layer0(net, X));
        Assert.InRange(MeanAbs(drifted, bias) / fresh, 0.4, 0.85);         // PCM has lost a good part of its conductance
        Assert.InRange(MeanAbs(compensated, bias) / fresh, 0.9, 1.1);      // one scalar per tile brings the mean back

        var plain = Compile(Pcm(compensation: false), PluginCatalog.Create());
        plain.Deploy(7, 0, true, seconds: Day, read: 1);
        Assert.Equal(drifted, Layer0(plain, X));   // the stage, present but off, leaves the numbers bit-identical
        Assert.Throws<InvalidOperationException>(() => plain.DriftCompensation = true);
    }

    [Fact]
    public void Reads_of_one_programming_keep_its_cells_and_draw_their_own_read_noise()
    {
        var net = Compile(Pcm(compensation: false), PluginCatalog.Create());
        net.Deploy(7, 0, true, seconds: 3600, read: 1);
        var a = net.HardwareLayers.First().DeployedWeights.ToArray();
        net.Deploy(7, 0, true, seconds: 3600, read: 2);
        var b = net.HardwareLayers.First().DeployedWeights.ToArray();
        net.Deploy(7, 0, true, seconds: 3600, read: 1);
        Assert.Equal(a, net.HardwareLayers.First().DeployedWeights.ToArray());
        Assert.NotEqual(a, b);
        var rms = Rms(a, b) / a.Average(v => Math.Abs(v));
        Assert.True(rms < 0.5, $"two reads of the same cells differ by read noise only ({rms:P1} of the mean weight)");
    }

    [Fact]
    public void Enabling_compensation_without_a_reference_is_a_clear_error()
    {
        var net = Compile(Pcm(compensation: true), PluginCatalog.Create());
        net.Deploy(7, 0, true, seconds: Day);
        net.DriftCompensation = true;
        var e = Assert.Throws<InvalidOperationException>(() => Layer0(net, X));
        Assert.Contains("CaptureDriftReference", e.Message);
    }
}
