using HwDsl;
using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests;

/// <summary>The cost model's vocabulary: a cited default technology, overrides with their script line, bad values refused at
/// that line, the spec's equality and debug view.</summary>
public sealed class CostVocabularyTests
{
    [Fact]
    public void The_default_technology_gives_every_constant_once_each_with_a_unit_and_a_source()
    {
        var t = Mlp(Hardware.DifferentialPair()).Build().Cost;
        Assert.Equal(CostSpec.Default, t);
        Assert.Equal(TileSchedule.Parallel, t.Schedule);
        Assert.Equal(Enum.GetValues<CostConstant>().Order(), t.Technology.Values.Select(v => v.Constant).Order());
        Assert.All(t.Technology.Values, v =>
        {
            Assert.False(string.IsNullOrWhiteSpace(v.Unit));
            Assert.Matches(@"(NeuroSim|ISAAC|Horowitz)", v.Source);
            Assert.True(v.Value > 0 && double.IsFinite(v.Value));
        });
    }

    [Fact]
    public void The_preset_constants_follow_from_the_published_values_they_were_checked_against()
    {
        var t = Technologies.NeuroSimRram32nm;
        void Derived(CostConstant c, double published) => Assert.InRange(t[c] / published, 0.995, 1.005);
        // ISAAC, Table I: 8 ADCs, 8 bits, 1.2 GS/s, 16 mW, 9600 µm²; 8 × 128 1-bit DACs, 4 mW, 170 µm², one read per 100 ns.
        Derived(CostConstant.AdcWaldenFom, 16e-3 / (8 * 1.2e9) / 256);
        Derived(CostConstant.AdcAreaPerLevel, 9600e-12 / 8 / 256);
        Derived(CostConstant.AdcTimePerBit, 1 / 1.2e9 / 8);
        Derived(CostConstant.DacEnergyPerBit, 4e-3 / (8 * 128) * 100e-9);
        Derived(CostConstant.DacAreaPerBit, 170e-12 / (8 * 128));
        // DNN+NeuroSim's Param.cpp (V1.0; V2.1 for the ADC, the write pulse) and inference.py, as given there.
        Assert.Equal((0.5, 10e-9, 16.0, 32e-9, 1e-9), (t[CostConstant.ReadVoltage], t[CostConstant.ReadPulse],
            t[CostConstant.CellAreaF2], t[CostConstant.FeatureSize], t[CostConstant.DigitalCycle]));
        Derived(CostConstant.OnConductance, 1 / 100e3);
        Assert.Equal((8.0, 6.0, 8.0), (t[CostConstant.ColumnsPerAdc], t[CostConstant.UndeclaredAdcBits], t[CostConstant.UndeclaredInputBits]));
        Derived(CostConstant.ProgramPulseEnergy, 4.0 * 4.0 * (1 / 100e3) * 50e-9);
        // Horowitz, 45 nm: int add 0.1 pJ, float multiply 3.7 pJ, float add 0.9 pJ.
        Assert.Equal((0.1e-12, 3.7e-12, 0.9e-12), (t[CostConstant.AccumulateEnergy], t[CostConstant.ScaleEnergy], t[CostConstant.BiasEnergy]));
        Derived(CostConstant.DigitalMacEnergy, 3.7e-12 + 0.9e-12);
        // Every source says whether it was checked, and against what.
        Assert.All(t.Values, v => Assert.Matches("checked", v.Source));
        Assert.Contains("not re-checked", t.Get(CostConstant.AccumulatorArea).Source);
    }

    [Fact]
    public void A_constant_set_in_the_script_replaces_the_preset_value_and_records_its_line()
    {
        var hw = Hardware.DifferentialPair().Technology(Technologies.NeuroSimRram32nm).Cost(CostConstant.AdcWaldenFom, 2e-15).AdcSharing(4); int line = Here();
        var spec = Mlp(hw.With(h => h.TileSchedule(TileSchedule.Sequential))).Build();
        Assert.Equal(2e-15, spec.Cost.Technology[CostConstant.AdcWaldenFom]);
        Assert.Equal(4, spec.Cost.Technology[CostConstant.ColumnsPerAdc]);
        Assert.Equal(TileSchedule.Sequential, spec.Cost.Schedule);
        Assert.Equal(line, spec.SourceOf("Cost.AdcWaldenFom").Line);
        Assert.Equal(ValueSource.Preset, spec.SourceOf("Cost.ReadVoltage").Source);
        Assert.Contains($"set at", spec.Cost.Technology.Get(CostConstant.AdcWaldenFom).Source);
        Assert.NotEqual(Mlp(Hardware.DifferentialPair()).Build(), spec);   // the cost model is part of the experiment
        var view = spec.DebugView();
        Assert.Contains("Cost (technology constants", view);
        Assert.Contains("AdcWaldenFom", view);
        Assert.DoesNotContain("Cost (", Mlp(Hardware.DifferentialPair()).Build().DebugView());   // spec.txt of earlier runs unchanged
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-15)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_constant_that_is_not_finite_and_positive_is_refused_at_its_line(double value)
    {
        var e = Fails(Mlp(Hardware.DifferentialPair().Cost(CostConstant.ReadVoltage, value)), "HW0901"); int line = Here();
        AssertAt(e, line);
        Assert.Contains("Cost(ReadVoltage) must be finite and > 0", e.Message);
    }

    [Theory]
    [InlineData(CostConstant.ColumnsPerAdc, 0.0)]
    [InlineData(CostConstant.ColumnsPerAdc, 2.5)]
    [InlineData(CostConstant.ColumnsPerAdc, 5000.0)]
    [InlineData(CostConstant.UndeclaredAdcBits, 1.0)]
    [InlineData(CostConstant.UndeclaredInputBits, 17.0)]
    public void Whole_number_constants_are_refused_outside_their_range(CostConstant constant, double value)
    {
        var e = Fails(Mlp(Hardware.DifferentialPair().Cost(constant, value)), "HW0902"); int line = Here();
        AssertAt(e, line);
        Assert.Contains("whole number", e.Message);
    }

    [Fact]
    public void AdcSharing_is_checked_like_the_constant_and_a_technology_without_values_is_refused()
    {
        AssertAt(Fails(Mlp(Hardware.DifferentialPair().AdcSharing(0)), "HW0902"), Here());
        var e = Fails(Mlp(Hardware.DifferentialPair().Technology(new Technology("empty", "", []))), "HW0903"); int line = Here();
        AssertAt(e, line);
        Assert.Contains("neurosim-rram-32nm", e.Message);
        AssertAt(Fails(Mlp(Hardware.DifferentialPair().TileSchedule((TileSchedule)7)), "HW0904"), Here());
    }
}
