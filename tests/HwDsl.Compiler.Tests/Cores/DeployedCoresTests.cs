using HwDsl.Autodiff;
using HwDsl.Experiments;
using HwDsl.Kernels;

namespace HwDsl.Compiler.Tests.Cores;

public sealed class DeployedCoresTests
{
    private static readonly DatasetRef Toy = Datasets.Named("toy", classes: 10, inputSize: 64);

    // 8×8 image → four 4×4 windows → 4 cores × 12 neurons → 1 core (48 axons) × 20 neurons → 10 classes × 2.
    private static CoreExperimentSpec TwoLayers(CoreTrainingMethod method = CoreTrainingMethod.LearnedBinary) =>
        HwDsl.Cores.Experiment("toy").Data(Toy)
            .Network(n => n.Image(8, 8).Windows(4, stride: 4).Layer(12).Layer(20, fanIn: 4).Readout(perClass: 2).AxonTypes([2, -1, 1]).Threshold(3))
            .Train(t => { if (method == CoreTrainingMethod.Probabilistic) t.Probabilistic(); })
            .Build();

    private static CoreNetwork Randomized(CoreExperimentSpec spec, int seed)
    {
        var net = new CoreNetwork(spec.Network, spec.Training, seed);
        var rng = new SeededRandom((ulong)seed, 99);
        foreach (var b in net.Leaks.SelectMany(l => l))
            for (var j = 0; j < b.Length; j++) b.Values[j] = (float)(3 * rng.NextNormal());
        return net;
    }

    [Fact]
    public void A_deployed_tick_matches_a_scalar_reference_of_the_core_arithmetic()
    {
        var spec = TwoLayers();
        var net = Randomized(spec, 1);
        var deployed = DeployedCores.Binarized(net);
        var rng = new SeededRandom(4);
        var spikesSeen = 0;
        for (var trial = 0; trial < 20; trial++)
        {
            var pixels = new byte[64];
            for (var k = 0; k < 64; k++) pixels[k] = (byte)(rng.NextDouble() < 0.4 ? 1 : 0);
            var got = deployed.Tick(pixels);

            // Reference: windows row-major at (0,0) (4,0) (0,4) (4,4); axon type i mod 3; s_j[g] = s[(g + j) mod 3];
            // V = Σ a·c·s + ⌊b⌋ + θ, spike when V ≥ θ.
            int[] s = [2, -1, 1];
            var layer0 = new byte[48];
            for (var core = 0; core < 4; core++)
            {
                int x0 = core % 2 * 4, y0 = core / 2 * 4;
                for (var j = 0; j < 12; j++)
                {
                    var v = (int)Math.Floor(net.Leaks[0][core].Values[j]) + 3;
                    for (var i = 0; i < 16; i++)
                    {
                        var a = pixels[(y0 + i / 4) * 8 + x0 + i % 4];
                        var c = net.Connections[0][core].Values[i * 12 + j] >= 0.5f ? 1 : 0;
                        v += a * c * s[(i % 3 + j) % 3];
                    }
                    layer0[core * 12 + j] = (byte)(v >= 3 ? 1 : 0);
                }
            }
            var layer1 = new byte[20];
            for (var j = 0; j < 20; j++)
            {
                var v = (int)Math.Floor(net.Leaks[1][0].Values[j]) + 3;
                for (var i = 0; i < 48; i++)
                    v += layer0[i] * (net.Connections[1][0].Values[i * 20 + j] >= 0.5f ? 1 : 0) * s[(i % 3 + j) % 3];
                layer1[j] = (byte)(v >= 3 ? 1 : 0);
            }
            Assert.Equal(layer0, got[0]);
            Assert.Equal(layer1, got[1]);
            spikesSeen += layer0.Sum(b => b) + layer1.Sum(b => b);
        }
        Assert.InRange(spikesSeen, 100, 20 * 68 - 100); // the comparison saw both spikes and silences
    }

    [Fact]
    public void The_integer_leak_makes_deployed_spikes_exactly_the_training_graphs_decision()
    {
        // One core read out directly (10 neurons, one per class): logit = Φ(μ/σ₀), deployed spike = [Σ + λ ≥ θ].
        var spec = HwDsl.Cores.Experiment("one").Data(Toy)
            .Network(n => n.Image(8, 8).Window(0, 0, 8).Layer(10).Readout(perClass: 1).Threshold(5)).Train(t => t.HardOutputSpikes(false)).Build();
        var net = Randomized(spec, 2);
        var deployed = DeployedCores.Binarized(net);
        var tape = new Tape<float>(new MacPool(1));
        var rng = new SeededRandom(8);
        var pixels = new float[50 * 64];
        for (var k = 0; k < pixels.Length; k++) pixels[k] = (float)rng.NextDouble();
        var logits = net.Forward(tape, Tensor<float>.Constant(pixels, 50, 64)).Values.ToArray();
        int fired = 0;
        for (var r = 0; r < 50; r++)
        {
            var spikes = deployed.Tick([.. pixels.AsSpan(r * 64, 64).ToArray().Select(p => (byte)(p >= 0.5f ? 1 : 0))]);
            for (var j = 0; j < 10; j++)
            {
                Assert.Equal(logits[r * 10 + j] >= 0.5f, spikes[0][j] == 1);
                fired += spikes[0][j];
            }
        }
        Assert.InRange(fired, 25, 475);
    }

    [Fact]
    public void With_several_output_cores_every_core_reads_every_class_in_the_graph_and_on_the_chip()
    {
        // Four cores of 10 neurons read out directly, 4 per class: neuron c of every core counts for class c.
        var spec = HwDsl.Cores.Experiment("spread").Data(Toy)
            .Network(n => n.Image(8, 8).Windows(4, stride: 4).Layer(10).Readout(perClass: 4).Threshold(2))
            .Train(t => t.Smoothing(1e-4).ReadoutScale(1).HardOutputSpikes(false)).Build();
        Assert.Equal(Enumerable.Range(0, 40).Select(j => j % 10), spec.Network.ClassOfNeurons());
        Assert.Equal(7, spec.Network.ClassOf(27));

        var net = Randomized(spec, 3);
        var deployed = DeployedCores.Binarized(net);
        var rng = new SeededRandom(9);
        var pixels = new float[40 * 64];
        for (var k = 0; k < pixels.Length; k++) pixels[k] = rng.NextDouble() < 0.5 ? 1f : 0f;
        var split = new HwDsl.Data.DataSplit(pixels, new int[40], 64, 10);
        var counts = deployed.Evaluate(split, seed: 0).Counts;
        // σ₀ → 0 makes each graph neuron's Φ(μ/σ₀) its spike, so a class logit is that class's spike count.
        var logits = net.Forward(new Tape<float>(new MacPool(1)), Tensor<float>.Constant(pixels, 40, 64)).Values.ToArray();
        var spikes = 0;
        for (var r = 0; r < 40; r++)
        {
            var tick = deployed.Tick([.. pixels.AsSpan(r * 64, 64).ToArray().Select(p => (byte)p)])[0];
            for (var c = 0; c < 10; c++)
            {
                var expected = tick[c] + tick[10 + c] + tick[20 + c] + tick[30 + c];
                Assert.Equal(expected, counts[r * 10 + c]);
                Assert.Equal(expected, (int)Math.Round(logits[r * 10 + c]));
                spikes += expected;
            }
        }
        Assert.InRange(spikes, 100, 40 * 40 - 100);
    }

    [Fact]
    public void With_hard_spikes_in_every_layer_the_training_graph_computes_the_deployed_class_counts()
    {
        var spec = TwoLayers();
        Assert.True(spec.Training.HardOutputSpikes); // the default for learned binary crossbars
        var soft = spec with { Training = spec.Training with { HardOutputSpikes = false } };
        var net = Randomized(spec, 4);
        foreach (var b in net.Leaks[1]) for (var j = 0; j < b.Length; j++) b.Values[j] -= 5; // output neurons both fire and stay silent
        var deployed = DeployedCores.Binarized(net);
        var rng = new SeededRandom(5);
        var pixels = new float[30 * 64];
        for (var k = 0; k < pixels.Length; k++) pixels[k] = (float)(0.6 * rng.NextDouble());
        var counts = deployed.Evaluate(new HwDsl.Data.DataSplit(pixels, new int[30], 64, 10), seed: 0).Counts;
        var logits = net.Forward(new Tape<float>(new MacPool(1)), Tensor<float>.Constant(pixels, 30, 64)).Values.ToArray();
        Assert.Equal(counts.Select(c => (float)c), logits);
        Assert.InRange(counts.Sum(), 30, 30 * 20 - 30);
        // The soft output of the same weights gives fractional class sums.
        var softLogits = new CoreNetwork(soft.Network, soft.Training, 4);
        foreach (var (a, b) in softLogits.Parameters.Zip(net.Parameters)) b.Values.CopyTo(a.Values);
        Assert.Contains(softLogits.Forward(new Tape<float>(new MacPool(1)), Tensor<float>.Constant(pixels, 30, 64)).Values.ToArray(), v => v != MathF.Round(v));
    }

    [Fact]
    public void Sampled_crossbars_follow_the_probabilities_and_replay_by_seed_and_member()
    {
        var spec = TwoLayers(CoreTrainingMethod.Probabilistic);
        var net = new CoreNetwork(spec.Network, spec.Training, 3);
        foreach (var w in net.Connections.SelectMany(l => l)) w.Values.Fill(0.3f);
        var a = DeployedCores.Sampled(net, seed: 5, member: 0);
        var again = DeployedCores.Sampled(net, seed: 5, member: 0);
        var other = DeployedCores.Sampled(net, seed: 5, member: 1);
        var bars = Enumerable.Range(0, 4).Select(c => a.Crossbar(0, c).ToArray()).Append(a.Crossbar(1, 0).ToArray()).ToList();
        var total = bars.Sum(b => b.Length);
        var fraction = bars.Sum(b => b.Count(x => x)) / (double)total;
        Assert.InRange(fraction, 0.3 - 4 * Math.Sqrt(0.21 / total), 0.3 + 4 * Math.Sqrt(0.21 / total));
        Assert.Equal(a.Crossbar(1, 0).ToArray(), again.Crossbar(1, 0).ToArray());
        Assert.NotEqual(a.Crossbar(1, 0).ToArray(), other.Crossbar(1, 0).ToArray());
        // Binarized deployment is deterministic: p = 0.3 < 0.5 connects nothing.
        Assert.DoesNotContain(true, DeployedCores.Binarized(net).Crossbar(0, 2).ToArray());
    }

    [Fact]
    public void Energy_counters_count_axon_spikes_synaptic_events_and_neuron_spikes()
    {
        var spec = TwoLayers();
        var net = Randomized(spec, 6);
        var deployed = DeployedCores.Binarized(net);
        var images = new float[3 * 64];
        var rng = new SeededRandom(7);
        for (var k = 0; k < images.Length; k++) images[k] = rng.NextDouble() < 0.5 ? 1f : 0f;
        var split = new HwDsl.Data.DataSplit(images, [1, 2, 3], 64, 10);
        var eval = deployed.Evaluate(split, seed: 0);

        long axonSpikes = 0, events = 0, neuronSpikes = 0;
        for (var r = 0; r < 3; r++)
        {
            var pixels = images.AsSpan(r * 64, 64).ToArray().Select(p => (byte)p).ToArray();
            var spikes = deployed.Tick(pixels);
            byte[][] inputs = [pixels, spikes[0]];
            for (var l = 0; l < 2; l++)
            {
                var layer = spec.Network.Layers[l];
                for (var c = 0; c < layer.Cores; c++)
                {
                    var bar = deployed.Crossbar(l, c);
                    var sources = deployed.Layout.Sources(l, c);
                    for (var i = 0; i < sources.Length; i++)
                        if (inputs[l][sources[i]] == 1)
                        {
                            axonSpikes++;
                            for (var j = 0; j < layer.Neurons; j++) events += bar[i * layer.Neurons + j] ? 1 : 0;
                        }
                }
                neuronSpikes += spikes[l].Sum(b => b);
            }
            for (var k = 0; k < 10; k++) Assert.Equal(spikes[1][2 * k] + spikes[1][2 * k + 1], eval.Counts[r * 10 + k]);
        }
        Assert.Equal(new CoreActivity(axonSpikes, events, neuronSpikes), eval.Activity);
        Assert.Equal(5, eval.Cores);
        Assert.True(events > 0 && neuronSpikes > 0);
    }

    [Fact]
    public void An_ensemble_sums_class_counts_before_the_vote()
    {
        // Image 0 (label 1): member A says 0 (3 vs 2), member B says 1 (0 vs 4) → summed 3 vs 6 → 1, right.
        // Image 1 (label 0): A says 0 (5 vs 0), B says 1 (1 vs 2) → summed 6 vs 2 → 0, right.
        var a = new CoreEvaluation(2, 2, [3, 2, 5, 0], [1, 0], new CoreActivity(10, 100, 5), 5);
        var b = new CoreEvaluation(2, 2, [0, 4, 1, 2], [1, 0], new CoreActivity(20, 200, 7), 5);
        Assert.Equal(0.5, CoreEvaluation.Accuracy([a]));
        Assert.Equal(0.5, CoreEvaluation.Accuracy([b]));
        Assert.Equal(1.0, CoreEvaluation.Accuracy([a, b]));
        var row = CoreExperimentRunner.Summarize([a, b]);
        Assert.Equal(new CoreEnsembleResult(2, 1.0, 10, 6.0, 150.0, 15.0), row);
        Assert.Equal(150.0 * 26e-12, row.EnergyPerImage);   // (100 + 200) events / 2 images at TrueNorth's 26 pJ
        // Ties go to the lower class.
        Assert.Equal(0.0, CoreEvaluation.Accuracy([new CoreEvaluation(1, 2, [2, 2], [1], default, 1)]));
    }

    [Fact]
    public void Stochastic_input_spikes_are_drawn_per_tick_and_replay_by_seed()
    {
        // One layer, so every axon spike is an input spike: 4 cores × 16 axons, 40 neurons = 10 classes × 4.
        var spec = HwDsl.Cores.Experiment("ticks").Data(Toy)
            .Network(n => n.Image(8, 8).Windows(4, stride: 4).Layer(10).Readout(perClass: 4).TimeSteps(8, InputEncoding.Stochastic)).Build();
        var deployed = DeployedCores.Binarized(Randomized(spec, 1));
        var split = new HwDsl.Data.DataSplit(Enumerable.Repeat(0.5f, 2 * 64).ToArray(), [0, 1], 64, 10);
        var first = deployed.Evaluate(split, seed: 1);
        Assert.Equal(first.Counts, deployed.Evaluate(split, seed: 1).Counts);
        Assert.NotEqual(first.Activity, deployed.Evaluate(split, seed: 2).Activity);
        // 2 images × 8 ticks × 64 axons × ½ = 512 on average, sd 16.
        Assert.InRange(first.Activity.AxonSpikes, 512 - 64, 512 + 64);
        Assert.True(first.Counts.Max() > 1, "counts add up over ticks");
    }
}
