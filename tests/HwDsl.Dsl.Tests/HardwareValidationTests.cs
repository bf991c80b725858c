using HwDsl;
using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests;

public sealed class HardwareValidationTests
{
    private static void Check(ExperimentBuilder exp, string code, string parameter, string value, int line, string? text = null)
    {
        var e = Fails(exp, code);
        Assert.Equal(parameter, e.Parameter);
        Assert.Equal(value, e.Value);
        AssertAt(e, line);
        Assert.Contains(parameter, e.Message);
        Assert.Contains(value, e.Message);
        if (text is not null) Assert.Contains(text, e.Message);
    }

    [Fact]
    public void OnOffRatio_at_or_below_one_is_refused_like_a_compiler_error()
    {
        var hw = Hardware.DifferentialPair().OnOffRatio(0.5); int line = Here();
        var ex = Assert.Throws<SpecException>(() => Mlp(hw).Build());
        Assert.Equal($"{ex.Errors[0].File}({line}): error HW0102: OnOffRatio must be greater than 1 (Gmax/Gmin), or +∞ for Gmin = 0; got 0.5.", ex.Message);
        Check(Mlp(Hardware.DifferentialPair().OnOffRatio(1)), "HW0102", "OnOffRatio", "1", Here());
    }

    [Fact]
    public void OnOffRatio_NaN_is_refused_and_infinity_accepted()
    {
        Check(Mlp(Hardware.DifferentialPair().OnOffRatio(double.NaN)), "HW0102", "OnOffRatio", "NaN", Here());
        Assert.Equal(double.PositiveInfinity, Mlp(Hardware.DifferentialPair().OnOffRatio(double.PositiveInfinity)).Build().Layers[0].Positive.OnOffRatio);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(-3)]
    public void WeightBits_outside_1_to_16_are_refused(int bits)
    {
        Check(Mlp(Hardware.DifferentialPair().WeightBits(bits)), "HW0103", "WeightBits", bits.ToString(), Here(), "1..16");
    }

    [Fact]
    public void Bits_at_the_edges_are_accepted()
    {
        var l = Mlp(Hardware.DifferentialPair().WeightBits(1).InputBits(16).ActivationBits(16)).Build().Layers[0];
        Assert.Equal((1, 16, 16), (l.WeightBits, l.InputBits, l.ActivationBits));
    }

    [Fact]
    public void InputBits_and_ActivationBits_are_checked()
    {
        Check(Mlp(Hardware.DifferentialPair().InputBits(0)), "HW0104", "InputBits", "0", Here());
        Check(Mlp(Hardware.DifferentialPair().ActivationBits(20)), "HW0105", "ActivationBits", "20", Here());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Asymmetry_must_be_strictly_inside_minus_one_to_one(double a)
    {
        Check(Mlp(Hardware.DifferentialPair().Asymmetry(a)), "HW0106", "Asymmetry", a is double.NaN ? "NaN" : a.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), Here());
    }

    [Fact]
    public void NonLinearity_must_be_finite_and_at_most_20()
    {
        Check(Mlp(Hardware.DifferentialPair().NonLinearity(21)), "HW0107", "NonLinearity", "21", Here());
        Check(Mlp(Hardware.DifferentialPair().NonLinearity(double.PositiveInfinity)), "HW0107", "NonLinearity", "∞", Here());
        Assert.Equal(-20, Mlp(Hardware.DifferentialPair().NonLinearity(-20)).Build().Layers[0].Positive.NonLinearity);
    }

    [Fact]
    public void Negative_element_values_are_checked()
    {
        Check(Mlp(Hardware.DifferentialPair().NegativeElement(e => e.OnOffRatio(0.9))), "HW0108", "NegativeElement.OnOffRatio", "0.9", Here());
        Check(Mlp(Hardware.DifferentialPair().NegativeElement(e => e.NonLinearity(double.NaN))), "HW0109", "NegativeElement.NonLinearity", "NaN", Here());
    }

    [Fact]
    public void Device_weight_range_and_noise_are_checked()
    {
        Check(Mlp(Hardware.DifferentialPair().Device(" ")), "HW0110", "Device", "\" \"", Here());
        Check(Mlp(Hardware.DifferentialPair().WeightRange(WeightRange.Fixed(0))), "HW0111", "WeightRange", "0", Here());
        Check(Mlp(Hardware.DifferentialPair().ProgrammingNoise(sigma: 0.6)), "HW0112", "ProgrammingNoise", "0.6", Here(), "[0, 0.5]");
        Check(Mlp(Hardware.DifferentialPair().ReadNoise(sigma: -0.1)), "HW0113", "ReadNoise", "-0.1", Here());
        Assert.Equal(WeightRange.Fixed(0.5), Mlp(Hardware.DifferentialPair().WeightRange(WeightRange.Fixed(0.5))).Build().Layers[0].Range);
    }

    [Fact]
    public void Unknown_preset_lists_the_known_ones()
    {
        Check(Mlp(Hardware.DifferentialPair().Preset("nope")), "HW0101", "Preset", "\"nope\"", Here(), "ideal");
        Check(Mlp(Hardware.DifferentialPair(preset: "nope2")), "HW0101", "Preset", "\"nope2\"", Here());
    }

    [Fact]
    public void Layer_index_beyond_the_network_is_refused()
    {
        Check(Mlp(Hardware.DifferentialPair(), l => l[3].WeightBits(8)), "HW0120", "layers[3]", "3", Here(), "indices 0..2");
    }

    [Fact]
    public void ActivationBits_before_Relu_or_Tanh_are_refused_per_layer()
    {
        var hw = Hardware.DifferentialPair().ActivationBits(4); int line = Here();
        var exp = Experiment.Named("t").Data(Datasets.Mnist).Network(n => n.Dense(32).Relu().Dense(32).Tanh().Dense(10)).On(hw);
        var ex = Assert.Throws<SpecException>(() => exp.Build());
        Assert.Equal(2, ex.Errors.Count);
        Assert.All(ex.Errors, e => { Assert.Equal("HW0121", e.Code); AssertAt(e, line); Assert.Equal("4", e.Value); });
        Assert.Contains("Dense layer 0, which is followed by Relu, which is unbounded", ex.Errors[0].Message);
        Assert.Contains("Dense layer 1, which is followed by Tanh, which is signed", ex.Errors[1].Message);
        Assert.StartsWith("2 errors:", ex.Message);
    }

    [Fact]
    public void ActivationBits_on_a_layer_without_activation_is_refused()
    {
        var exp = Experiment.Named("t").Data(Datasets.Mnist).Network(n => n.Dense(32).Dense(10))
            .On(Hardware.DifferentialPair(), l => l[0].ActivationBits(4)); int line = Here();
        var e = Fails(exp, "HW0121");
        Assert.Equal("layers[0].ActivationBits", e.Parameter);
        AssertAt(e, line);
    }

    [Fact]
    public void ActivationBits_set_on_the_last_layer_is_refused()
    {
        Check(Mlp(Hardware.DifferentialPair(), l => l.Last.ActivationBits(4)), "HW0122", "layers.Last.ActivationBits", "4", Here(), "logits");
    }

    [Fact]
    public void Analog_parameters_on_a_digital_scope_are_refused()
    {
        Check(Mlp(Hardware.DifferentialPair(), l => l.First.Digital().OnOffRatio(10)), "HW0130", "layers.First.OnOffRatio", "10", Here(), "Digital()");
        Check(Mlp(Hardware.Digital().WeightBits(4)), "HW0130", "WeightBits", "4", Here());
    }

    [Fact]
    public void Asymmetry_or_negative_element_on_a_single_element_is_refused()
    {
        Check(Mlp(Hardware.SingleElement().Asymmetry(0.1)), "HW0131", "Asymmetry", "0.1", Here(), "single element");
        Check(Mlp(Hardware.SingleElement(), l => l[1].NegativeElement(e => e.OnOffRatio(5))), "HW0131", "layers[1].NegativeElement.OnOffRatio", "5", Here());
    }

    [Fact]
    public void Several_errors_are_all_reported_each_with_its_own_line()
    {
        int first = Here(); var hw = Hardware.DifferentialPair()
            .WeightBits(0)
            .OnOffRatio(0.5);
        var ex = Assert.Throws<SpecException>(() => Mlp(hw).Build());
        Assert.Equal([("HW0103", first + 1), ("HW0102", first + 2)], ex.Errors.Select(e => (e.Code, e.Line)));
    }
}
