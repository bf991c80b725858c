using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Compiler.Tests;

/// <summary>A Conv2d layer's kernel matrix on tiles: with an ideal device it computes the float convolution, each
/// non-ideality of the dense path changes its deployed outputs (and nothing when off), and split over tiles with per-tile
/// stages it computes receptive field by receptive field what the direct convolution computes.</summary>
public sealed class ConvolutionTilesTests
{
    // 2×9×9 images; conv 5@3×3 (padding 1): an 18 × 5 kernel matrix.
    private static readonly DatasetRef Images = Datasets.Named("images", classes: 4, image: new ImageSize(2, 9, 9));
    private const int Batch = 3, Inputs = 2 * 9 * 9;

    private static ExperimentSpec Spec(Func<HardwareBuilder, HardwareBuilder> hw, Action<LayerSelector>? layers = null) =>
        Experiment.Named("conv").Seed(3).Data(Images)
            .Network(n => n.Conv2d(5, 3, padding: 1).ClippedRelu().MaxPool(3).Flatten().Dense(4))
            .On(hw(Hardware.DifferentialPair()), layers).Train(t => t.NaiveMapping()).Build();

    private static readonly float[] X = Random(Batch * Inputs, 1);

    private static float[] Random(int n, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var v = new float[n];
        for (var i = 0; i < v.Length; i++) v[i] = (float)rng.NextDouble();
        return v;
    }

    /// <summary>The conv layer's output (batch × 5·9·9) as deployed: sample <paramref name="sample"/>, noise when the layer draws any.</summary>
    private static float[] Deployed(ExperimentSpec spec, int sample = 0, bool perTile = false)
    {
        var net = NetworkCompiler.Compile(spec, Inputs, 4);
        foreach (var array in net.Arrays) array.PerTile = perTile;
        net.Deploy(seed: 7, sample, noise: net.IsNoisy);
        net.Phase = NetworkPhase.Deployed;
        var tape = new Tape<float>(new MacPool(1));
        return net.HardwareLayers.First().Forward(tape, tape.Input(X, Batch, Inputs)).Values.ToArray();
    }

    /// <summary>The float convolution of the same initial weights (the compiler draws them from the seed).</summary>
    private static float[] FloatConv(ExperimentSpec spec, Func<HardwareDenseLayer, float[]>? weights = null)
    {
        var net = NetworkCompiler.Compile(spec, Inputs, 4);
        var layer = net.HardwareLayers.First();
        var w = weights?.Invoke(layer) ?? layer.Weights.Values.ToArray();
        var tape = new Tape<float>(new MacPool(1));
        return tape.Conv2d(tape.Input(X, Batch, Inputs), Tensor<float>.Constant(w, 18, 5), layer.Bias, layer.Bound.Convolution!.Value).Values.ToArray();
    }

    private static double MaxDifference(float[] a, float[] b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second));

    [Fact]
    public void The_kernel_matrix_binds_to_tiles_as_a_dense_matrix_does()
    {
        var bound = ExperimentBinder.Bind(Spec(h => h.TileSize(8, 2)), DeviceCatalog.Default, Inputs, 4);
        var conv = bound.Layers[0];
        Assert.Equal((18, 5), (conv.Inputs, conv.Outputs));
        Assert.Equal(new ConvGeometry(2, 9, 9, 5, 3, 1, 1), conv.Convolution);
        Assert.Equal((3, 3), (conv.Tiles.RowBlocks, conv.Tiles.ColumnBlocks));
        Assert.NotNull(conv.Levels);
        Assert.Equal((5 * 3 * 3, 4), (bound.Layers[1].Inputs, bound.Layers[1].Outputs));
        Assert.Null(bound.Layers[1].Convolution);
        Assert.Contains("18×5 (kernels of conv 2×9×9 → 5×9×9", conv.ToString());
        var view = bound.DebugView();   // spec.txt shows each layer's array
        Assert.Contains($"Arrays (per weight layer: inputs × outputs, tiles){Environment.NewLine}  {conv}{Environment.NewLine}  {bound.Layers[1]}", view);
        Assert.DoesNotContain("Arrays (", ExperimentBinder.Bind(Experiment.Named("mlp").Data(Images).Network(n => n.Dense(4)).On(Hardware.DifferentialPair()).Build(), DeviceCatalog.Default, Inputs, 4).DebugView());
    }

    [Fact]
    public void With_an_ideal_device_the_deployed_layer_is_the_float_convolution()
    {
        // 16-bit levels, r = ∞, no asymmetry, non-linearity or noise: only the level spacing w_max/65535 remains.
        var ideal = Deployed(Spec(h => h.WeightBits(16)));
        var reference = FloatConv(Spec(h => h.WeightBits(16)));
        var scale = reference.Max(Math.Abs);
        Assert.True(MaxDifference(ideal, reference) <= 1e-4 * scale, $"{MaxDifference(ideal, reference)} vs scale {scale}");
        // At 4 bits the same comparison fails: the tolerance can tell the two apart.
        Assert.True(MaxDifference(Deployed(Spec(h => h.WeightBits(4))), reference) > 1e-2 * scale);
    }

    [Fact]
    public void A_non_ideal_deployed_layer_convolves_with_exactly_the_programmed_weights()
    {
        var spec = Spec(h => h.WeightBits(4).OnOffRatio(10).Asymmetry(0.1).NonLinearity(2));
        var net = NetworkCompiler.Compile(spec, Inputs, 4);
        net.Deploy(7, 0, noise: false);
        var programmed = net.HardwareLayers.First().DeployedWeights.ToArray();
        Assert.Equal(FloatConv(spec, _ => programmed), Deployed(spec));
    }

    [Theory]
    [InlineData("WeightBits(3)")]
    [InlineData("OnOffRatio(10)")]
    [InlineData("Asymmetry(0.2)")]
    [InlineData("NonLinearity(2)")]
    [InlineData("ProgrammingNoise(0.05)")]
    [InlineData("ReadNoise(0.05)")]
    [InlineData("ColumnGainError(0.05)")]
    [InlineData("InputBits(3)")]
    public void Each_non_ideality_changes_the_deployed_outputs_and_nothing_when_off(string which)
    {
        static (Func<HardwareBuilder, HardwareBuilder> On, Func<HardwareBuilder, HardwareBuilder> Off) Pair(
            Func<HardwareBuilder, HardwareBuilder> on, Func<HardwareBuilder, HardwareBuilder> off) => (on, off);
        var (On, Off) = which switch
        {
            "WeightBits(3)" => Pair(h => h.WeightBits(3), h => h.WeightBits(16)),
            "OnOffRatio(10)" => Pair(h => h.OnOffRatio(10), h => h.OnOffRatio(double.PositiveInfinity)),
            "Asymmetry(0.2)" => Pair(h => h.Asymmetry(0.2), h => h.Asymmetry(0)),
            "NonLinearity(2)" => Pair(h => h.NonLinearity(2), h => h.NonLinearity(0)),
            "ProgrammingNoise(0.05)" => Pair(h => h.ProgrammingNoise(0.05), h => h.ProgrammingNoise(0)),
            "ReadNoise(0.05)" => Pair(h => h.ReadNoise(0.05), h => h.ReadNoise(0)),
            "ColumnGainError(0.05)" => Pair(h => h.Periphery(new ColumnGainError(0.05)), h => h.Periphery(new ColumnGainError(0))),
            "InputBits(3)" => Pair(h => h.InputBits(3), h => h.InputBits(null)),
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };
        var baseline = Deployed(Spec(h => h.WeightBits(16)));
        Assert.Equal(baseline, Deployed(Spec(h => Off(h.WeightBits(16)))));
        var on = Deployed(Spec(h => On(h.WeightBits(16))));
        Assert.True(MaxDifference(on, baseline) > 1e-3 * baseline.Max(Math.Abs), $"{which} left the outputs as they were");
    }

    [Fact]
    public void A_column_gain_scales_each_output_channel_at_every_position_of_every_image()
    {
        // Each kernel matrix column is one output channel; every receptive field is one read of the array, so the
        // channel's gain multiplies it at all 81 positions of all images alike.
        var off = Deployed(Spec(h => h.WeightBits(16)));
        var on = Deployed(Spec(h => h.WeightBits(16).Periphery(new ColumnGainError(0.05))));
        var bias = NetworkCompiler.Compile(Spec(h => h), Inputs, 4).HardwareLayers.First().Bias.Values.ToArray();
        var gains = new List<double>();
        for (var f = 0; f < 5; f++)
        {
            var at = Enumerable.Range(0, Batch).SelectMany(n => Enumerable.Range(n * 405 + f * 81, 81)).ToList();
            var pivot = at.MaxBy(i => Math.Abs(off[i] - bias[f]));
            var g = (on[pivot] - bias[f]) / (double)(off[pivot] - bias[f]);
            gains.Add(g);
            Assert.All(at, i => Assert.Equal(g * (off[i] - bias[f]) + bias[f], on[i], 4));
        }
        Assert.True(gains.Distinct().Count() == 5 && gains.All(g => Math.Abs(g - 1) < 0.3), string.Join(", ", gains));
    }

    [Fact]
    public void Split_over_tiles_field_by_field_it_computes_the_direct_convolution_up_to_float_summation()
    {
        var spec = Spec(h => h.WeightBits(4).OnOffRatio(10).Asymmetry(0.1).TileSize(8, 2));
        var direct = Deployed(spec);
        var fieldByField = Deployed(spec, perTile: true);
        var scale = direct.Max(Math.Abs);
        Assert.True(MaxDifference(direct, fieldByField) <= 1e-5 * scale, $"{MaxDifference(direct, fieldByField)} vs scale {scale}");
        Assert.Equal(direct, Deployed(Spec(h => h.WeightBits(4).OnOffRatio(10).Asymmetry(0.1))));   // the tile size alone changes nothing
    }

    [Fact]
    public void Per_tile_stages_in_training_give_the_gradient_of_the_direct_convolution()
    {
        // Field by field on the tape (what a stage acting in training needs) against the direct op: same loss, same gradients.
        var spec = Spec(h => h.WeightBits(4).TileSize(8, 2));
        float[] Gradients(bool perTile)
        {
            var net = NetworkCompiler.Compile(spec, Inputs, 4);
            foreach (var array in net.Arrays) array.PerTile = perTile;
            var tape = new Tape<float>(new MacPool(1));
            var loss = tape.SoftmaxCrossEntropy(net.Forward(tape, tape.Input(X, Batch, Inputs)), [0, 3, 1], out _);
            tape.Backward(loss);
            return [loss.Values[0], .. net.Parameters.SelectMany(p => p.Gradient.ToArray())];
        }
        var (direct, fields) = (Gradients(false), Gradients(true));
        var scale = direct.Max(Math.Abs);
        Assert.True(MaxDifference(direct, fields) <= 1e-5 * scale, $"{MaxDifference(direct, fields)} vs scale {scale}");
        Assert.Contains(direct, g => g != 0);
    }
}
