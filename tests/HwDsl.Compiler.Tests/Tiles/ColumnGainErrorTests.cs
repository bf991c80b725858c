using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Compiler.Tests;

/// <summary>The per-column gain error stage (the "adding a non-ideality" recipe's example): on, it scales each tile column's
/// output by its own drawn gain; off, the deployed numbers are bit-identical.</summary>
public sealed class ColumnGainErrorTests
{
    private static ExperimentSpec Spec(double? sigma, int tileColumns = 64, Action<LayerSelector>? layers = null)
    {
        var hw = Hardware.DifferentialPair().WeightBits(4).OnOffRatio(10).TileSize(64, tileColumns);
        if (sigma is double s) hw = hw.Periphery(new ColumnGainError(s));
        var e = Experiment.Named("gain").Seed(4).Data(Datasets.Named("synthetic", classes: 4, inputSize: 12))
            .Network(n => n.Dense(16).ClippedRelu().Dense(4));
        return (layers is null ? e.On(hw) : e.On(hw, layers)).Train(t => t.NaiveMapping()).Build();
    }

    [Fact]
    public void Off_or_zero_leaves_the_deployed_outputs_bit_identical()
    {
        Assert.Equal(Outputs(Spec(null)), Outputs(Spec(0)));
        Assert.False(Spec(0).Layers[0].IsNoisy);
        Assert.True(Spec(0.02).Layers[0].IsNoisy);   // it draws per sample, so Deployed(samples: n) is meaningful
    }

    [Fact]
    public void On_each_column_is_scaled_by_its_own_gain_drawn_per_sample()
    {
        var off = Outputs(Spec(null));
        var on = Outputs(Spec(0.05));
        var bias = NetworkCompiler.Compile(Spec(null), 12, 4).HardwareLayers.First().Bias.Values.ToArray();
        var gains = Gains(off, on, bias);
        Assert.All(gains, g => Assert.InRange(g, 1 - 6 * 0.05, 1 + 6 * 0.05));
        Assert.True(gains.Distinct().Count() > 8, "columns draw their own gains");
        Assert.NotEqual(on, Outputs(Spec(0.05), sample: 1));   // a new sample draws new gains
        Assert.Equal(on, Outputs(Spec(0.05)));                 // the same sample replays
    }

    [Fact]
    public void Every_tile_draws_its_own_gains()
    {
        var bias = NetworkCompiler.Compile(Spec(null), 12, 4).HardwareLayers.First().Bias.Values.ToArray();
        var off = Outputs(Spec(null));
        var one = Gains(off, Outputs(Spec(0.05, tileColumns: 64)), bias);   // one tile for all 16 columns
        var two = Gains(off, Outputs(Spec(0.05, tileColumns: 10)), bias);   // columns 0..9 on tile 0, 10..15 on tile 1
        for (var j = 0; j < 10; j++) Assert.Equal(one[j], two[j], 5);      // tile 0 draws the same stream either way
        for (var j = 10; j < 16; j++) Assert.NotEqual(one[j], two[j], 5);  // tile 1 has its own
    }

    [Fact]
    public void A_bad_sigma_is_refused_at_the_line_that_set_it_and_a_layer_override_replaces_the_stage()
    {
        var e = Assert.Throws<SpecException>(() => Experiment.Named("g").Data(Datasets.Mnist).Network(n => n.Dense(10))
            .On(Hardware.DifferentialPair().Periphery(new ColumnGainError(0.7))).Build()); var line = Line();
        var error = Assert.Single(e.Errors);
        Assert.Equal(RuleCodes.ColumnGainError, error.Code);
        Assert.Equal(line, error.Line);
        Assert.Contains("ColumnGainError sigma must be in [0, 0.5]", error.Message);

        var spec = Spec(0.05, layers: l => l.Last.Periphery(new ColumnGainError(0)));
        Assert.Equal(new ColumnGainError(0.05), Assert.Single(spec.Layers[0].Periphery));
        Assert.Equal(new ColumnGainError(0), Assert.Single(spec.Layers[1].Periphery));
        Assert.Contains("ColumnGainError(sigma 0.05)", spec.DebugView());
    }

    [Fact]
    public void On_a_digital_scope_it_is_refused()
    {
        var e = Assert.Throws<SpecException>(() => Experiment.Named("g").Data(Datasets.Mnist).Network(n => n.Dense(10))
            .On(Hardware.Digital().Periphery(new ColumnGainError(0.02))).Build());
        Assert.Equal(RuleCodes.AnalogParameterOnDigital, Assert.Single(e.Errors).Code);
    }

    private static float[] Outputs(ExperimentSpec spec, int sample = 0)
    {
        var net = NetworkCompiler.Compile(spec, 12, 4);
        net.Deploy(seed: 7, sample, noise: net.IsNoisy);
        net.Phase = NetworkPhase.Deployed;
        var rng = new SeededRandom(99);
        var x = new float[5 * 12];
        for (var i = 0; i < x.Length; i++) x[i] = (float)rng.NextDouble();
        var tape = new Tape<float>(new MacPool(1));
        return net.HardwareLayers.First().Forward(tape, tape.Input(x, 5, 12)).Values.ToArray();
    }

    /// <summary>Per column, (y_on − b)/(y_off − b), checked to be the same for every input of the batch.</summary>
    private static double[] Gains(float[] off, float[] on, float[] bias)
    {
        var columns = bias.Length;
        var gains = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            var ratios = Enumerable.Range(0, off.Length / columns).Select(i => (on[i * columns + j] - bias[j]) / (double)(off[i * columns + j] - bias[j])).ToList();
            Assert.All(ratios, r => Assert.Equal(ratios[0], r, 3));
            gains[j] = ratios[0];
        }
        return gains;
    }

    private static int Line([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
