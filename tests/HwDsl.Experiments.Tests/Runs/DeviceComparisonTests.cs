using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Compiler.Tests;
using HwDsl.Experiments;
using HwDsl.Kernels;

namespace HwDsl.Experiments.Tests;

/// <summary>A brief training on every device (an MNIST subset, fixed seed): deployment works and each device's
/// non-idealities show in the deployed accuracy where physics says.</summary>
public sealed class DeviceComparisonTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hwdsl-devices-" + Guid.NewGuid().ToString("N"));

    public void Dispose() { if (Directory.Exists(_root)) Directory.Delete(_root, true); }

    private static Dataset Subset(Dataset d, int train, int test)
    {
        static DataSplit Take(DataSplit s, int n) => new(s.Features[..(n * s.FeatureCount)], s.Labels[..n], s.FeatureCount, s.ClassCount);
        return new Dataset(d.Name, Take(d.Train, train), Take(d.Test, test), d.Files);
    }

    [Fact]
    public void Every_device_trains_deploys_and_shows_its_physics()
    {
        var data = Subset(new DatasetStore().Load("mnist"), 6000, 2000);
        using var pool = new MacPool(2);
        var options = new ExperimentOptions { Data = data, Devices = PluginCatalog.Create(), Pool = pool, RunRoot = _root };
        var rows = DeviceComparison.Run(DeviceComparison.Standard, [0], options, epochs: 2, hidden: 64, samples: 2, learningRate: 3e-3);

        // 5 devices × 2 modes, PCM at 4 read times.
        Assert.Equal(2 * (4 + 4), rows.Count);
        var table = DeviceComparison.Table(rows);
        // Software reaches ≈ 85 % in this short run; multilevel devices stay within a few points, the binary MTJ far below.
        foreach (var r in rows.Where(r => r.Mode == "hardware-aware" && r.ReadSeconds == 0))
            Assert.True(r.DeployedMean > (r.Device.StartsWith("mtj", StringComparison.Ordinal) ? 0.55 : 0.78), $"{r.Device} hardware-aware deployed {r.DeployedMean:P1}\n{table}");
        Assert.All(rows, r => Assert.Equal(2, r.Samples));
        // Two samples on 2000 images may tie by chance in one mode, not in both (the weights always differ: DeviceDeployTests).
        foreach (var device in rows.GroupBy(r => r.Device))
            Assert.True(device.Any(r => r.DeployedSd > 0), $"{device.Key}: its noise should spread the samples\n{DeviceComparison.Table(rows)}");

        // A binary MTJ loses much more than the multilevel devices when a float network is mapped on it naively,
        // and hardware-aware training wins some of it back (seed-fixed, bit-identical run: 61.2 % → 64.3 %).
        double At(string device, string mode, double seconds = 0)
            => rows.Single(r => r.Device.StartsWith(device, StringComparison.Ordinal) && r.Mode == mode && r.ReadSeconds == seconds).DeployedMean;
        Assert.True(At("mtj", "float-trained") < At("rram", "float-trained") - 0.05, $"mtj {At("mtj", "float-trained"):P1} vs rram {At("rram", "float-trained"):P1}");
        Assert.True(At("mtj", "hardware-aware") > At("mtj", "float-trained") + 0.01, $"mtj {At("mtj", "hardware-aware"):P1} vs {At("mtj", "float-trained"):P1}\n{table}");

        // PCM drifts: a year after programming the network is worse than right after.
        Assert.True(At("pcm", "hardware-aware", 365 * 86400.0) < At("pcm", "hardware-aware") - 0.01,
            $"pcm after a year {At("pcm", "hardware-aware", 365 * 86400.0):P1} vs {At("pcm", "hardware-aware"):P1}\n{table}");
        Assert.Contains("| pcm/nandakumar2019 | 1 year |", table);
        var csv = DeviceComparison.Csv(rows).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("device,mode,seed,read_seconds,float_accuracy,deployed_mean,deployed_sd,samples", csv[0]);
        Assert.Equal(rows.Count + 1, csv.Length);
    }

    [Fact]
    public void A_device_without_its_plugin_fails_before_anything_trains_and_lists_the_known_devices()
    {
        // Built-in devices only: the first plugin device is refused up front (no data is loaded, nothing trains).
        var options = new ExperimentOptions { Devices = new DeviceCatalog(), RunRoot = _root };
        var e = Assert.Throws<SpecException>(() => DeviceComparison.Run(DeviceComparison.Standard, [0], options, epochs: 1));
        var error = Assert.Single(e.Errors);
        Assert.Equal("HW0142", error.Code);
        Assert.Contains("Device \"rram\" is not known; known devices: nvm ", error.Message);
        Assert.False(Directory.Exists(_root), "nothing should have run");
    }
}
