using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using HwDsl.Compiler;
using HwDsl.Compiler.Tests;
using HwDsl.Kernels;

namespace HwDsl.Experiments.Tests;

/// <summary>Every run folder keeps its trained weights and programmed tiles; NumPy reads them back bit for bit.</summary>
public sealed class RunExportTests : IDisposable
{
    private static readonly Lazy<Data.Dataset> Data = new(() => MnistSubset.Take(2000, 500));
    private readonly string _root = Directory.CreateTempSubdirectory("hwdsl-exports-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private static ExperimentSpec Spec(double noise) => Builder(noise).Build();

    private static ExperimentBuilder Builder(double noise, int? samples = null) => Experiment.Named("export").Seed(3).Data(Datasets.Mnist)
        .Network(n => n.Dense(16).ClippedRelu().Dense(10))
        .On(Hardware.DifferentialPair().WeightBits(3).OnOffRatio(10).Asymmetry(0.1).ProgrammingNoise(sigma: noise))
        .Train(t => t.Adam(3e-3).Epochs(1).Batch(100).HardwareAware(Relaxation.Sigmoid(2, 50)))
        .Evaluate(e => e.Deployed(samples ?? (noise > 0 ? 2 : 1)));

    private ExperimentOptions Options => new() { RunRoot = _root, Pool = new MacPool(1), Data = Data.Value };

    [Fact]
    public void Trained_weights_and_the_last_deployed_sample_round_trip_through_NumPy()
    {
        var result = ExperimentRunner.Run(Spec(0.02), Options, out var network);
        var layers = network.HardwareLayers.ToArray();
        var hashes = JsonDocument.Parse(Python.Run("""
            import sys, json, hashlib, numpy as np
            w, d = np.load(sys.argv[1] + "/weights.npz"), np.load(sys.argv[1] + "/deployed.npz")
            h = lambda a: hashlib.sha256(np.ascontiguousarray(a, dtype='<f4').tobytes()).hexdigest()
            out = {k: h(w[k]) for k in w.files}
            scalar = lambda k: k.endswith(("w_max", "row_offset", "col_offset"))
            out.update({k: h(d[k]) for k in d.files if not scalar(k)})
            out.update({k: float(d[k]) for k in d.files if scalar(k)})
            # Layer 0 (784 × 16) is split over two 512-row tiles: stacked at their offsets they are the layer's matrix.
            tiles = sorted((int(d[f"s1.layer0.tile{t}.row_offset"]), t) for t in range(2))
            out["s1.layer0.stacked"] = h(np.vstack([d[f"s1.layer0.tile{t}.effective"] for _, t in tiles]))
            out["tiles0"] = len([k for k in d.files if k.startswith("s1.layer0.tile") and k.endswith(".effective")])
            out["shape0"] = list(w["layer0.weights"].shape)
            print(json.dumps(out))
            """, result.RunFolder)).RootElement;
        Assert.Equal([784, 16], hashes.GetProperty("shape0").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2, hashes.GetProperty("tiles0").GetInt32());   // 784 rows on 512 × 512 tiles
        Assert.Equal(512, hashes.GetProperty("s1.layer0.tile1.row_offset").GetDouble());
        for (var i = 0; i < layers.Length; i++)
        {
            Assert.Equal(Hash(layers[i].Weights.Values), hashes.GetProperty($"layer{i}.weights").GetString());
            Assert.Equal(Hash(layers[i].Bias.Values), hashes.GetProperty($"layer{i}.bias").GetString());
            // The network is left deployed at the last sample (1); noise makes the two samples differ, so both are kept.
            Assert.Equal(Hash(layers[i].DeployedWeights), hashes.GetProperty(i == 0 ? "s1.layer0.stacked" : $"s1.layer{i}.tile0.effective").GetString());
            Assert.NotEqual(hashes.GetProperty($"s0.layer{i}.tile0.effective").GetString(), hashes.GetProperty($"s1.layer{i}.tile0.effective").GetString());
            Assert.Equal(layers[i].WeightRange, hashes.GetProperty($"s1.layer{i}.tile0.w_max").GetDouble(), 6);
        }
    }

    [Fact]
    public void Without_noise_the_effective_weights_are_w_max_times_the_conductance_difference()
    {
        var result = ExperimentRunner.Run(Spec(0), Options, out var network);
        var check = JsonDocument.Parse(Python.Run("""
            import sys, json, numpy as np, pandas as pd
            d = np.load(sys.argv[1] + "/deployed.npz")
            out = {"files": sorted(d.files)}
            for i in (0, 1):
                s = f"s0.layer{i}.tile0."
                eff, gp, gn, wmax = d[s + "effective"], d[s + "g_plus"], d[s + "g_minus"], float(d[s + "w_max"])
                out[f"err{i}"] = float(np.abs(eff - wmax * (gp - gn)).max())
                out[f"levels{i}"] = int(len(np.unique(eff)))
                out[f"gmin{i}"] = float(min(gp.min(), gn.min()))
                csv = pd.read_csv(sys.argv[1] + f"/exports/{s}g_plus.csv").to_numpy(dtype='f4')
                out[f"csv{i}"] = bool(np.array_equal(csv, gp))
            print(json.dumps(out))
            """, result.RunFolder)).RootElement;
        Assert.DoesNotContain(check.GetProperty("files").EnumerateArray(), f => f.GetString()!.StartsWith("s1.", StringComparison.Ordinal));
        for (var i = 0; i < 2; i++)
        {
            Assert.True(check.GetProperty($"err{i}").GetDouble() < 1e-6, $"layer {i}: |w_eff − w_max(G⁺ − G⁻)| = {check.GetProperty($"err{i}")}");
            Assert.InRange(check.GetProperty($"levels{i}").GetInt32(), 2, 15);   // 3 bits: 2·8 − 1 levels
            Assert.Equal(0.1, check.GetProperty($"gmin{i}").GetDouble(), 6);     // r = 10: Gmin = 0.1
            Assert.True(check.GetProperty($"csv{i}").GetBoolean(), $"layer {i}: the CSV differs from the .npz");
        }
        _ = network;
    }

    [Fact]
    public void A_naive_mapping_gets_its_own_run_folder_with_the_float_weights()
    {
        var floatSpec = Builder(0, samples: 1).WithName("export-float").With(t => t.Float()).Build();
        var trained = ExperimentRunner.Run(floatSpec, Options, out var floatNetwork);
        var naiveSpec = Builder(0).WithName("export-naive").With(t => t.NaiveMapping()).Build();
        var naive = ExperimentRunner.Transfer(naiveSpec, floatNetwork, trained.Training, Options);
        Assert.NotEqual("", naive.RunFolder);
        Assert.NotEqual(trained.RunFolder, naive.RunFolder);
        Assert.Equal(File.ReadAllBytes(Path.Combine(trained.RunFolder, "weights.npz")), File.ReadAllBytes(Path.Combine(naive.RunFolder, "weights.npz")));
        Assert.Equal(File.ReadAllLines(Path.Combine(trained.RunFolder, "metrics.csv"))[1..].Select(l => l.Split(',')[3]),
            File.ReadAllLines(Path.Combine(naive.RunFolder, "metrics.csv"))[1..].Select(l => l.Split(',')[3]));
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(naive.RunFolder, "results.json")));
        var row = results.RootElement[0];
        Assert.Equal("naive_mapping", row.GetProperty("mode").GetString());
        Assert.False(row.GetProperty("trained_here").GetBoolean());
        Assert.Equal(trained.FloatAccuracy, row.GetProperty("float_baseline_accuracy").GetDouble());
        Assert.Equal(naive.DeployedMean, row.GetProperty("deployed_accuracy_mean").GetDouble());
    }

    private static string Hash(ReadOnlySpan<float> values) => Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(values)));
}
