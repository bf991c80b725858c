using HwDsl.Autodiff;
using HwDsl.Kernels;
using static HwDsl.Compiler.Tests.PeripheryNet;

namespace HwDsl.Compiler.Tests;

/// <summary>The input DAC's range: fixed (the first layer's full scale), dynamic (α = max|x| per vector and row block) and
/// learned (a trained clip range per layer).</summary>
public sealed class InputRangeTests
{
    [Fact]
    public void Fixed_range_of_one_is_the_default_and_another_bound_sets_the_dacs_full_scale()
    {
        var x = Inputs(40, scale: 2);
        Assert.Equal(Deployed(Spec(h => h.InputBits(4)), x), Deployed(Spec(h => h.InputBits(4).InputRange(InputRange.Fixed(1))), x));
        var net = Compile(Spec(h => h.InputBits(4).InputRange(InputRange.Fixed(2))));
        Assert.Equal("DAC 4-bit [0, 2]", Assert.Single(net.Arrays.First().InputStages).Name);
        Assert.Empty(net.Arrays.Last().InputStages);   // a hidden layer's input is the previous layer's quantized activation
        // Inputs up to 2: a [0, 1] DAC clips half of them, a [0, 2] one keeps them (at half the resolution).
        var reference = Deployed(Spec(), x);
        Assert.True(Rms(Deployed(Spec(h => h.InputBits(4).InputRange(InputRange.Fixed(2))), x), reference)
            < 0.5 * Rms(Deployed(Spec(h => h.InputBits(4)), x), reference));
    }

    [Fact]
    public void Dynamic_range_keeps_the_resolution_of_small_inputs_and_without_bits_changes_only_rounding()
    {
        var x = Inputs(60, scale: 0.1f);
        var reference = Deployed(Spec(), x);
        var fixedError = Rms(Deployed(Spec(h => h.InputBits(3)), x), reference);
        var dynamicError = Rms(Deployed(Spec(h => h.InputBits(3).InputRange(InputRange.Dynamic)), x), reference);
        Assert.True(dynamicError < fixedError / 3, $"3-bit DAC on inputs below 0.1: fixed range rms {fixedError}, dynamic {dynamicError}");
        var unquantized = Deployed(Spec(h => h.InputRange(InputRange.Dynamic)), x);
        for (var i = 0; i < x.Length / Features * 16; i++) Assert.Equal(reference[i], unquantized[i], 4);
        var net = Compile(Spec(h => h.InputRange(InputRange.Dynamic)));
        Assert.All(net.Arrays, a => Assert.IsType<DynamicInputDac>(Assert.Single(a.InputStages)));   // on every layer it is set on
    }

    [Fact]
    public void Dynamic_range_scales_the_adc_with_the_vector_so_a_quiet_vector_is_not_rounded_away()
    {
        // The same vector at full scale and at 1/100: with α per vector, the ADC sees the same currents for both.
        var loud = Inputs(1, seed: 3);
        var quiet = loud.Select(v => v / 100).ToArray();
        var spec = Spec(h => h.InputRange(InputRange.Dynamic).Adc(5, AdcRange.Fixed(2)));
        var net = Compile(spec);
        net.Deploy(7, 0, false);
        var bias = net.HardwareLayers.First().Bias.Values.ToArray();
        var a = Layer0(net, loud).Select((v, j) => v - bias[j]).ToArray();
        var b = Layer0(net, quiet).Select((v, j) => 100 * (v - bias[j])).ToArray();
        for (var j = 0; j < a.Length; j++) Assert.Equal(a[j], b[j], 2);
        Assert.Contains(b, v => v != 0);
    }

    [Fact]
    public void Learned_range_is_a_parameter_with_a_gradient_in_training_and_the_identity_in_float()
    {
        var spec = Spec(h => h.InputBits(4).InputRange(InputRange.Learned(0.5)), t => t.HardwareAware());
        var net = Compile(spec);
        var plain = Compile(Spec(h => h.InputBits(4), t => t.HardwareAware()));
        Assert.Equal(plain.Parameters.Count + 2, net.Parameters.Count);   // one range per layer
        var x = Inputs(30);
        Assert.Equal(Layer0(plain, x, NetworkPhase.Float), Layer0(net, x, NetworkPhase.Float));

        net.Phase = NetworkPhase.Train;
        var dac = (LearnedInputDac)net.Arrays.First().InputStages[0];
        var tape = new Tape<float>(new MacPool(1));
        var y = net.HardwareLayers.First().Forward(tape, tape.Input(x, 30, Features));
        tape.Backward(tape.SoftmaxCrossEntropy(y, new int[30], out _));
        Assert.NotEqual(0f, dac.Range.Gradient[0]);   // inputs up to 1 clip at 0.5: the range is pulled
        Assert.Equal(0.5f, dac.Scale);
        Assert.Equal(RuleCodes.InputRange, Assert.Single(Assert.Throws<SpecException>(() => Spec(h => h.InputRange(InputRange.Learned(0)))).Errors).Code);
    }
}
