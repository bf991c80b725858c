using HwDsl.Autodiff;
using HwDsl.Kernels;
using static HwDsl.Compiler.Tests.PeripheryNet;

namespace HwDsl.Compiler.Tests;

/// <summary>The column ADC: clip to ±B and round to Δ = B/(2^(bits−1) − 1) in units of column current, saturations
/// counted per layer, B fixed or calibrated after programming, straight-through (zero where clipped) in training.</summary>
public sealed class AdcStageTests
{
    private static readonly float[] X = Inputs(50);

    [Fact]
    public void Fixed_range_rounds_every_column_current_to_its_grid_and_counts_what_it_clips()
    {
        var off = Compile(Spec());
        off.Deploy(7, 0, false);
        var layer = off.HardwareLayers.First();
        var (bias, scale) = (layer.Bias.Values.ToArray(), (double)layer.WeightRange);
        var ideal = Currents(Layer0(off, X), bias, scale);
        var bound = 0.5 * ideal.Max(Math.Abs);

        var on = Compile(Spec(h => h.Adc(4, AdcRange.Fixed(bound))));
        on.Deploy(7, 0, false);
        var adc = Currents(Layer0(on, X), bias, scale);
        var step = bound / 7;
        for (var k = 0; k < adc.Length; k++)
        {
            var expected = step * Math.Round(Math.Clamp(ideal[k], -bound, bound) / step);
            Assert.Equal(expected, adc[k], 4);
        }
        var saturation = on.Saturation[0];
        Assert.Equal(X.Length / Features * 16, saturation.Converted);
        Assert.InRange(saturation.Saturated, ideal.Count(c => Math.Abs(c) > bound) - 1, ideal.Count(c => Math.Abs(c) > bound) + 1);
        Assert.True(saturation.Fraction > 0.05, $"half the largest current as bound clips some outputs ({saturation.Fraction})");
        on.ResetSaturation();
        Assert.Equal(0, on.Saturation[0].Converted);
        Assert.Empty(off.Saturation);
    }

    [Fact]
    public void More_bits_cost_less_and_no_adc_is_the_reference()
    {
        var reference = Deployed(Spec(), X);
        double Error(int bits) => Rms(Deployed(Spec(h => h.Adc(bits, AdcRange.Calibrated(100))), X), reference);
        var (e4, e6, e8) = (Error(4), Error(6), Error(8));
        Assert.True(e4 > 2 * e6 && e6 > 2 * e8 && e8 > 0, $"rms error at 4/6/8 bits: {e4} {e6} {e8}");
        Assert.Equal(reference, Deployed(Spec(), X));   // without an ADC the deployed numbers do not move
    }

    [Fact]
    public void Calibrated_range_needs_data_and_takes_each_tiles_percentile_of_the_calibration_batch()
    {
        var spec = Spec(h => h.Adc(8, AdcRange.Calibrated(90)));
        var bare = NetworkCompiler.Compile(spec, Features, Classes);
        var e = Assert.Throws<InvalidOperationException>(() => bare.Deploy(7, 0, false));
        Assert.Contains("needs calibration data", e.Message);

        var net = Compile(spec);
        net.Deploy(7, 0, false);
        net.ResetSaturation();
        Layer0(net, net.Calibration!.Features);
        Assert.InRange(net.Saturation[0].Fraction, 0.08, 0.11);   // the 90th percentile of |y| on that batch: about 10 % beyond it

        var max = Compile(Spec(h => h.Adc(8, AdcRange.Calibrated(100))));
        max.Deploy(7, 0, false);
        max.ResetSaturation();
        Layer0(max, max.Calibration!.Features);
        Assert.Equal(0, max.Saturation[0].Saturated);
    }

    [Theory]
    [InlineData(50, 1000, 256)]   // 128,000 from the top: by selection
    [InlineData(90, 1000, 7)]
    [InlineData(99.9, 1000, 256)]   // the 257th largest: by the heap
    [InlineData(99.9, 3, 256)]
    [InlineData(100, 40, 9)]
    public void The_calibrated_bound_is_the_nearest_rank_percentile_of_the_tiles_outputs(double percentile, int batch, int columns)
    {
        var random = new SeededRandom(4);
        var data = Enumerable.Range(0, batch * columns).Select(_ => (float)(random.NextNormal() * 3)).ToArray();
        var sorted = data.Select(MathF.Abs).Order().ToArray();
        var expected = sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        var adc = new AdcStage(new Adc(8, AdcRange.Calibrated(percentile)), inTraining: false) { Calibrating = true };
        adc.Forward(new TileBounds(0, 0, 0, 0, 1, 0, columns), new TileBlock(data, batch, columns, 0, columns, [], 0));
        Assert.Equal(expected, adc.Bounds[0]);
    }

    [Fact]
    public void In_hardware_aware_training_it_acts_and_its_gradient_is_zero_where_it_clips()
    {
        float[] InputGradient(ExperimentSpec spec)
        {
            var net = Compile(spec);
            net.Phase = NetworkPhase.Train;
            var tape = new Tape<float>(new MacPool(1));
            var x = Tensor<float>.Parameter(X.Length / Features, Features);
            X.CopyTo(x.Values);
            var y = net.HardwareLayers.First().Forward(tape, x);
            // L = Σ y: its gradient does not depend on the forward values, only on the stage's mask.
            var sum = tape.Dense(tape.Dense(tape.Input(Enumerable.Repeat(1f, x.Rows).ToArray(), 1, x.Rows), y), Tensor<float>.Constant(Enumerable.Repeat(1f, 16).ToArray(), 16, 1));
            tape.Backward(sum);
            return x.Gradient.ToArray();
        }
        var hardwareAware = (Action<TrainingBuilder>)(t => t.HardwareAware());
        var free = InputGradient(Spec(train: hardwareAware));
        var wide = InputGradient(Spec(h => h.Adc(16, AdcRange.Fixed(1e3)), hardwareAware));
        var clipped = InputGradient(Spec(h => h.Adc(8, AdcRange.Fixed(1e-6)), hardwareAware));
        Assert.Equal(free.Length, wide.Length);
        for (var i = 0; i < free.Length; i++) Assert.Equal(free[i], wide[i], 5);
        Assert.All(clipped, g => Assert.Equal(0f, g));
        Assert.Contains(free, g => g != 0);
    }

    [Fact]
    public void Bad_bits_and_ranges_are_refused_at_the_script_line()
    {
        var e = Assert.Throws<SpecException>(() => Spec(h => h.Adc(1))); var line = Line();
        Assert.Equal(RuleCodes.AdcBits, Assert.Single(e.Errors).Code);
        Assert.Contains("Adc bits must be in 2..16", e.Errors[0].Message);
        Assert.Equal(line, e.Errors[0].Line);
        Assert.Equal(RuleCodes.AdcRange, Assert.Single(Assert.Throws<SpecException>(() => Spec(h => h.Adc(8, AdcRange.Fixed(-1)))).Errors).Code);
        Assert.Equal(RuleCodes.AdcPercentile, Assert.Single(Assert.Throws<SpecException>(() => Spec(h => h.Adc(8, AdcRange.Calibrated(40)))).Errors).Code);
    }
}
