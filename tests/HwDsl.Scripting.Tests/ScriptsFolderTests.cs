using System.Globalization;
using HwDsl.Experiments;

namespace HwDsl.Scripting.Tests;

/// <summary>
/// Every <c>scripts/*.csx</c> runs with <c>--quick</c> through the real <c>hwdsl run</c> (found by glob, so scripts added
/// later are covered), succeeds, and writes its results to the output folder.
/// </summary>
public sealed class ScriptsFolderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Cli.RepoRoot, "scripts"), "*.csx").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_runs_quick_and_writes_its_output(string script)
    {
        var (exit, output, err) = Cli.Run(_dir["home"], "run", Path.Combine("scripts", script), "--quick", "--output", _dir["out"], "--threads", "2");
        Assert.True(exit == 0, $"{script} exited {exit}:\n{err}\n{output}");
        var written = Directory.GetFiles(_dir["out"]).Where(f => new FileInfo(f).Length > 0).ToArray();
        Assert.True(written.Length > 0, $"{script} wrote nothing to its output folder");
        if (Checks.TryGetValue(script, out var check)) check(output, _dir["out"]);
    }

    /// <summary>What a script's own output must show, for the scripts this issue owns (one run serves both checks).</summary>
    private static readonly Dictionary<string, Action<string, string>> Checks = new()
    {
        ["quickstart.csx"] = (output, dir) =>
        {
            Assert.Matches(@"\| quickstart-float \| Float \| 0 \| 1 \| \d+\.\d\d % \| – \|", output);
            Assert.Matches(@"\| quickstart-naive \| NaiveMapping \| .* \| [+-]\d+\.\d\d \|", output);
            Assert.Matches(@"\| quickstart-hw-aware \| HardwareAware \| .* \| [+-]\d+\.\d\d \|", output);
            Assert.Contains("| quickstart-hw-aware |", File.ReadAllText(Path.Combine(dir, "quickstart.md")));
        },
        ["obradovic2018.csx"] = (output, dir) =>
        {
            Assert.Contains("| point | naive mapping | Δ pp | hw-aware (sigmoid relaxation)", output);
            Assert.Matches(@"Float baseline: \d\d\.\d\d ± 0\.00 %", output);
            var csv = File.ReadAllLines(Path.Combine(dir, "obradovic2018-mnist.csv"));
            Assert.Equal("dataset,point,weight_bits,activation_bits,on_off_ratio,asymmetry,non_linearity,mode,seed,deployed_accuracy,samples_per_s", csv[0]);
            Assert.Equal(1 + 1 + 2 * 2 + 1, csv.Length);   // header, float, naive + hw-aware per point, STE at the headline point (one seed in quick mode)
            Assert.True(File.Exists(Path.Combine(dir, "obradovic2018-mnist.md")));
            Assert.Equal(6, Directory.GetDirectories(Path.Combine(dir, "runs")).Length);   // float, 2 naive mappings, 2 hw-aware, 1 STE
        },
        ["yepes2016.csx"] = (output, dir) =>
        {
            // The cores' energy proxy also in joules: synaptic events at TrueNorth's 26 pJ (CoreEnergy.TrueNorth2014).
            Assert.Contains("| synaptic events / image | axon spikes / image | energy / image (nJ, TrueNorth) |", output);
            var csv = File.ReadAllLines(Path.Combine(dir, "yepes2016.csv"));
            Assert.EndsWith(",synaptic_events_per_image,axon_spikes_per_image,energy_per_image_j", csv[0]);
            foreach (var row in csv.Skip(1).Select(l => l.Split(',')))
                Assert.Equal(double.Parse(row[^3], CultureInfo.InvariantCulture) * 26e-12, double.Parse(row[^1], CultureInfo.InvariantCulture), 1e-20);
        },
        ["lenet.csx"] = (output, dir) =>
        {
            // LeNet-5 with its convolutions on crossbar tiles: each data set trains in float, deploys naively, trains hardware-aware.
            foreach (var dataset in new[] { "mnist", "fashion-mnist" })
                Assert.Matches($@"\| {dataset} \| \d+\.\d\d ± 0\.00 % \| \d+\.\d\d ± 0\.00 % \| [+-]\d+\.\d\d \| \d+\.\d\d ± 0\.00 % \| [+-]\d+\.\d\d \|", output);
            var csv = File.ReadAllLines(Path.Combine(dir, "lenet.csv"));
            Assert.Equal("dataset,mode,seed,accuracy,float_accuracy,epochs,samples_per_s,seconds", csv[0]);
            Assert.Equal(1 + 2 * 3, csv.Length);   // header; float, naive mapping, hardware-aware per data set (one seed in quick mode)
            Assert.Contains("| data set | float | naive mapping |", File.ReadAllText(Path.Combine(dir, "lenet.md")));
            // The hardware-aware run's spec binds both convolutions' kernel matrices to tiles.
            var spec = File.ReadAllText(Directory.GetFiles(Path.Combine(dir, "runs"), "spec.txt", SearchOption.AllDirectories)
                .First(f => f.Contains("lenet-mnist-hw-aware", StringComparison.Ordinal)));
            Assert.Contains("Layer 1 Conv2d(16, 5)", spec);
            Assert.Matches(@"layer 1: nvm \S+ 150×16 \(kernels of conv 6×14×14 → 16×10×10", spec);
        },
        ["design-space.csx"] = (output, dir) =>
        {
            // Weight bits 2, 4 × ADC bits 4, 8 × tiles 128, 512 in quick mode: two trainings, eight deployed points with their cost.
            var csv = File.ReadAllLines(Path.Combine(dir, "design-space.csv"));
            Assert.Equal("weight_bits,adc_bits,tile,accuracy,energy_per_inference_j,latency_per_inference_s,area_mm2,adc_energy_j,cell_energy_j,pareto", csv[0]);
            Assert.Equal(1 + 2 * 2 * 2, csv.Length);
            Assert.Contains(csv.Skip(1), l => l.EndsWith(",true", StringComparison.Ordinal));
            Assert.All(csv.Skip(1), l => Assert.True(double.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture) > 0));
            Assert.Contains("| weight bits | ADC bits | tile | deployed acc. | energy/inference (nJ) |", output);
            Assert.Contains("Pareto front (accuracy vs energy): W", output);
            Assert.Equal(2 + 8, Directory.GetDirectories(Path.Combine(dir, "runs")).Length);
            // Every point's run folder carries the cost beside the accuracy.
            var results = File.ReadAllText(Directory.GetFiles(Path.Combine(dir, "runs"), "results.json", SearchOption.AllDirectories).First());
            Assert.Contains("\"energy_per_inference_j\":", results);
            Assert.Contains("\"area_mm2\":", results);
        },
        ["devices.csx"] = (output, dir) =>
        {
            // Every standard device (the four plugins and the built-in nvm) trains and deploys; PCM is read at four times.
            foreach (var trial in HwDsl.Experiments.DeviceComparison.Standard)
                Assert.Matches($@"\| {System.Text.RegularExpressions.Regex.Escape(trial.Label)} \| 0 s \| \d+\.\d\d ± 0\.00 % \| \d+\.\d\d ± 0\.00 % \|", output);
            Assert.Contains("| pcm/nandakumar2019 | 1 year |", File.ReadAllText(Path.Combine(dir, "devices.md")));
            var csv = File.ReadAllLines(Path.Combine(dir, "devices.csv"));
            Assert.Equal("device,mode,seed,read_seconds,float_accuracy,deployed_mean,deployed_sd,samples", csv[0]);
            Assert.Equal(1 + 2 * (4 + 4), csv.Length);   // header; float-trained and hardware-aware × (4 devices at 0 s + PCM at 4 times)
        },
    };

    [Fact]
    public void Design_space_as_one_sweep_point_trains_on_its_own_periphery_and_leaves_one_run()
    {
        var (exit, output, err) = Cli.Run(_dir["home"], "run", "scripts/design-space.csx", "--quick", "--set", "weight_bits=2", "--set", "adc_bits=6",
            "--set", "tiles=128", "--output", _dir["point"], "--threads", "2");
        Assert.True(exit == 0, err + output);
        var csv = File.ReadAllLines(Path.Combine(_dir["point"], "design-space.csv"));
        Assert.Equal(2, csv.Length);
        Assert.StartsWith("2,6,128,", csv[1]);
        Assert.EndsWith(",true", csv[1]);   // alone, the point is its own Pareto front
        var run = Assert.Single(Directory.GetDirectories(Path.Combine(_dir["point"], "runs")));
        Assert.Contains("design-space-w2-adc6-t128", run);
        // The run was trained and deployed with the point's 6-bit ADC on every layer (cost.csv: one row per layer).
        var cost = File.ReadAllLines(Path.Combine(run, "cost.csv"));
        var header = cost[0].Split(',');
        int bits = Array.IndexOf(header, "adc_bits"), declared = Array.IndexOf(header, "adc_declared");
        Assert.Equal(3, cost.Length - 1);
        Assert.All(cost.Skip(1), row => Assert.Equal(("6", "true"), (row.Split(',')[bits], row.Split(',')[declared])));
    }

    [Fact]
    public void Cli_errors_compile_dsl_and_parameters_exit_1_with_located_messages()
    {
        var compile = _dir.File("c.csx", "var x = nope;\n");
        var (exit, _, err) = Cli.Run(_dir["home"], "run", compile);
        Assert.Equal(1, exit);
        Assert.Matches(@"c\.csx\(1,9\): error CS0103: The name 'nope' does not exist in the current context", err);

        var dsl = _dir.File("d.csx", "var hw = Hardware.DifferentialPair()\n    .OnOffRatio(0.5);\nExperiment.Named(\"x\").Data(Datasets.Mnist).Network(n => n.Dense(10)).On(hw).Build();\n");
        (exit, _, err) = Cli.Run(_dir["home"], "run", dsl);
        Assert.Equal(1, exit);
        Assert.Matches(@"d\.csx\(2\): error HW0102: OnOffRatio must be greater than 1", err);

        (exit, _, err) = Cli.Run(_dir["home"], "run", "scripts/quickstart.csx", "--set", "epoch=3");
        Assert.Equal(1, exit);
        Assert.Contains("--set epoch: scripts/quickstart.csx does not read this parameter with Param(\"name\", …); it reads: bits, epochs, seed.", err);
        Assert.DoesNotContain("   at ", err);
    }
}
