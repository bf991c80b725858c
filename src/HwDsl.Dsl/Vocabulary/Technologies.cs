namespace HwDsl;

/// <summary>
/// Named technology presets for the cost model. Every constant names its source; where a number is derived (a power divided
/// by a rate, a block's area divided by its count), the source says how.
/// </summary>
public static class Technologies
{
    // Where each constant was checked (2 December 2026). DNN+NeuroSim: the Param.cpp of the repositories named below, read
    // directly. ISAAC's Table I: through its transcription in the Accelergy project's component library
    // (Accelergy-Project/hwcomponents-library, hwcomponents_library/library/isaac.py), whose comments quote the table's
    // powers, areas and rates; the paper's own table could not be read here. Horowitz's energies: through the 45 nm model of
    // stillwater-sc/universal (include/sw/universal/energy/cost_models/generic_45nm.hpp), which quotes them; his adder area
    // could not be checked.
    private const string NeuroSimV1 = "DNN+NeuroSim V1.0 defaults (Peng, Huang, Jiang, Lu, Yu, IEDM 2019; Inference_pytorch/NeuroSIM/Param.cpp of neurosim/DNN_NeuroSim_V1.0, checked)";
    private const string NeuroSimV21 = "DNN+NeuroSim V2.1 defaults (Peng, Lu, Yu, IEEE TCAD 2021; Training_pytorch/NeuroSIM/Param.cpp of neurosim/DNN_NeuroSim_V2.1, checked)";
    private const string Isaac = "ISAAC, Shafiee et al., ISCA 2016, Table I (32 nm; checked against its transcription in Accelergy-Project/hwcomponents-library, isaac.py)";
    private const string Horowitz = "Horowitz, \"Computing's energy problem\", ISSCC 2014, 45 nm";
    private const string HorowitzChecked = Horowitz + " (checked against stillwater-sc/universal, generic_45nm.hpp)";

    /// <summary>
    /// A 1T1R RRAM accelerator at 32 nm in the spirit of DNN+NeuroSim's defaults: R_on = 100 kΩ, 0.5 V reads of 10 ns,
    /// 8 columns per ADC, 16 F² cells; SAR ADCs and 1-bit DACs scaled from ISAAC's 32 nm components; digital arithmetic from
    /// Horowitz's 45 nm table (the only node it gives, so the digital share is pessimistic by the 45 → 32 nm scaling).
    /// </summary>
    public static Technology NeuroSimRram32nm { get; } = new("neurosim-rram-32nm",
        "1T1R RRAM at 32 nm: array values from DNN+NeuroSim's defaults, ADC and DAC from ISAAC's 32 nm components, digital arithmetic from Horowitz's 45 nm table.",
        [
            new(CostConstant.AdcWaldenFom, 6.5e-15, "J/step",
                $"{Isaac}: 8 ADCs of 8 bits at 1.2 GS/s draw 16 mW → 16 mW / (8 × 1.2 GS/s) = 1.67 pJ per conversion, / 2^8 levels "
                + "(ISAAC's ADC is Kull et al., ISSCC 2013, 8 b 1.2 GS/s SAR in 32 nm SOI); for scale, 1.5× the 4.4 fJ/step Walden record "
                + "of van Elzakker et al., ISSCC 2008 (not re-checked)"),
            new(CostConstant.AdcAreaPerLevel, 4.69e-12, "m²/level", $"{Isaac}: 0.0096 mm² (9600 µm²) for 8 ADCs of 8 bits → 1200 µm² each, / 2^8 levels"),
            new(CostConstant.AdcTimePerBit, 1.04e-10, "s/bit", $"{Isaac}: one 8-bit conversion per 1/1.2 GHz = 0.83 ns, / 8 SAR cycles"),
            new(CostConstant.ColumnsPerAdc, 8, "columns", $"{NeuroSimV21}: numColMuxed = 8 (columns sharing one ADC; V1.0 has the same)"),
            new(CostConstant.UndeclaredAdcBits, 6, "bits", $"{NeuroSimV21}: levelOutput = 64 (a 6-bit ADC; V1.0 has 32, a 5-bit one)"),
            new(CostConstant.DacEnergyPerBit, 3.9e-13, "J/bit", $"{Isaac}: 1-bit DACs, 4 mW for 8 × 128 → 3.9 µW each over one 100 ns crossbar read"),
            new(CostConstant.DacAreaPerBit, 1.66e-13, "m²/bit", $"{Isaac}: 0.00017 mm² (170 µm²) for 8 × 128 1-bit DACs"),
            new(CostConstant.UndeclaredInputBits, 8, "bits", "DNN+NeuroSim V1.0's default activation precision (--wl_activate 8 in Inference_pytorch/inference.py, checked)"),
            new(CostConstant.ReadVoltage, 0.5, "V", $"{NeuroSimV1}: readVoltage = 0.5"),
            new(CostConstant.OnConductance, 1e-5, "S", $"{NeuroSimV1}: resistanceOn = 100e3 Ω (RRAM, memcelltype = 2)"),
            new(CostConstant.ReadPulse, 10e-9, "s", $"{NeuroSimV1}: readPulseWidth = 10e-9"),
            new(CostConstant.ProgramPulseEnergy, 8e-12, "J/pulse",
                $"{NeuroSimV21}: writeVoltage = 4 V, writePulseWidth = 50e-9 (given there beside its default FeFET cell, memcelltype = 3); "
                + "V²·G_on·t at V1.0's G_on = 10 µS (an upper bound: the cell fully on through the pulse)"),
            new(CostConstant.AccumulateEnergy, 0.1e-12, "J", $"{HorowitzChecked}: 32-bit integer add 0.1 pJ"),
            new(CostConstant.ScaleEnergy, 3.7e-12, "J", $"{HorowitzChecked}: 32-bit float multiply 3.7 pJ"),
            new(CostConstant.BiasEnergy, 0.9e-12, "J", $"{HorowitzChecked}: 32-bit float add 0.9 pJ"),
            new(CostConstant.DigitalMacEnergy, 4.6e-12, "J", $"{HorowitzChecked}: 32-bit float multiply 3.7 pJ + add 0.9 pJ"),
            new(CostConstant.AccumulatorArea, 137e-12, "m²", $"{Horowitz}: 32-bit integer adder 137 µm² (not re-checked: no copy of the area table was found)"),
            new(CostConstant.CellAreaF2, 16, "F²", $"{NeuroSimV1}: 1T1R cell 4 F × 4 F (heightInFeatureSize1T1R = widthInFeatureSize1T1R = 4)"),
            new(CostConstant.FeatureSize, 32e-9, "m", $"{NeuroSimV1}: technode = 32"),
            new(CostConstant.DigitalCycle, 1e-9, "s", $"{NeuroSimV1}: clkFreq = 1e9"),
        ]);

    /// <summary>Every preset, by name.</summary>
    public static IReadOnlyList<Technology> All { get; } = [NeuroSimRram32nm];
}
