namespace HwDsl;

/// <summary>
/// One per-event constant of a <see cref="Technology"/>: what the cost model multiplies its counts with. Set one in a script
/// with <c>hw.Cost(CostConstant.AdcWaldenFom, 2e-15)</c> (checked at that line, HW0901/HW0902).
/// </summary>
public enum CostConstant
{
    /// <summary>ADC Walden figure of merit, J per conversion step: one b-bit conversion costs <c>E_adc(b) = FoM·2^b</c>.</summary>
    AdcWaldenFom,

    /// <summary>ADC area per output level, m²: a b-bit ADC takes <c>A_adc(b) = a·2^b</c> (a SAR ADC's capacitor DAC grows as 2^b).</summary>
    AdcAreaPerLevel,

    /// <summary>ADC time per bit, s: a b-bit successive-approximation conversion takes <c>t_adc(b) = b·t</c>.</summary>
    AdcTimePerBit,

    /// <summary>Columns sharing one ADC (a column multiplexer), an integer 1..4096: a tile of c columns has ⌈c/n⌉ ADCs, each
    /// converting up to n columns one after the other.</summary>
    ColumnsPerAdc,

    /// <summary>ADC resolution assumed for a layer that declares no <c>Adc(...)</c> (its outputs still leave the array through a
    /// converter), an integer 2..16.</summary>
    UndeclaredAdcBits,

    /// <summary>DAC energy per input bit and conversion, J: a b-bit input costs <c>E_dac(b) = e·b</c> (a bit-serial 1-bit DAC per bit).</summary>
    DacEnergyPerBit,

    /// <summary>DAC area per input bit, m²: each row's b-bit DAC takes <c>A_dac(b) = a·b</c>.</summary>
    DacAreaPerBit,

    /// <summary>Input resolution assumed for a layer without <c>InputBits</c> (float inputs still reach the rows through a DAC),
    /// an integer 1..16.</summary>
    UndeclaredInputBits,

    /// <summary>Read voltage on the word line, V.</summary>
    ReadVoltage,

    /// <summary>Conductance of a fully-on cell, Gmax, S.</summary>
    OnConductance,

    /// <summary>Read pulse (integration) time of one MVM, s: the array's share of an MVM's latency.</summary>
    ReadPulse,

    /// <summary>Energy of one programming pulse, J (a device that implements <c>IDeviceEnergy</c> supplies its own).</summary>
    ProgramPulseEnergy,

    /// <summary>Energy of one digital addition of partial sums across tiles, J (an integer add after the ADC).</summary>
    AccumulateEnergy,

    /// <summary>Energy of one digital scaling of an output by w_max·α, J (a float multiply).</summary>
    ScaleEnergy,

    /// <summary>Energy of one digital bias addition, J (a float add).</summary>
    BiasEnergy,

    /// <summary>Energy of one multiply-accumulate of a digital (float) layer, J.</summary>
    DigitalMacEnergy,

    /// <summary>Area of one digital accumulator (one per ADC, after its multiplexed columns), m².</summary>
    AccumulatorArea,

    /// <summary>Area of one memory cell in units of F² (the feature size squared).</summary>
    CellAreaF2,

    /// <summary>The feature size F, m.</summary>
    FeatureSize,

    /// <summary>One cycle of the digital logic, s (accumulation, scaling and bias each take one cycle per output vector).</summary>
    DigitalCycle,
}
