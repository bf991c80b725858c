using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>The cost model's technology (energy, latency and area per inference): global hardware only.</summary>
public static class HardwareCostExtensions
{
    /// <summary>The technology whose per-event constants the cost model uses (default <see cref="Technologies.NeuroSimRram32nm"/>);
    /// every constant cites its source (HW0903 for a preset without values).</summary>
    /// <param name="hardware">The hardware.</param>
    /// <param name="technology">A preset from <see cref="Technologies"/>, or your own <see cref="HwDsl.Technology"/>.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static HardwareBuilder Technology(this HardwareBuilder hardware, Technology technology, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        hardware.Settings.Set(CostKey.Technology, technology, file, line);
        return hardware;
    }

    /// <summary>Overrides one constant of the technology, e.g. <c>hw.Cost(CostConstant.AdcWaldenFom, 2e-15)</c> (SI units; finite and
    /// &gt; 0, HW0901; the whole-number constants in their ranges, HW0902). The value's provenance is this line.</summary>
    /// <param name="hardware">The hardware.</param>
    /// <param name="constant">Which constant.</param>
    /// <param name="value">Its value, in the unit <see cref="CostConstant"/> names.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static HardwareBuilder Cost(this HardwareBuilder hardware, CostConstant constant, double value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        hardware.Settings.Set(CostKey.Constant(constant), value, file, line);
        return hardware;
    }

    /// <summary>Columns sharing one ADC (1..4096, HW0902): <c>hw.AdcSharing(8)</c> is <c>hw.Cost(CostConstant.ColumnsPerAdc, 8)</c>.
    /// Fewer ADCs take less area and more time per MVM.</summary>
    /// <param name="hardware">The hardware.</param>
    /// <param name="columnsPerAdc">Columns multiplexed onto one ADC.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static HardwareBuilder AdcSharing(this HardwareBuilder hardware, int columnsPerAdc, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        hardware.Cost(CostConstant.ColumnsPerAdc, columnsPerAdc, file, line);

    /// <summary>Whether a layer's tiles compute at once (<see cref="HwDsl.TileSchedule.Parallel"/>, default) or in turn, for the latency estimate.</summary>
    /// <param name="hardware">The hardware.</param>
    /// <param name="schedule">The schedule.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public static HardwareBuilder TileSchedule(this HardwareBuilder hardware, TileSchedule schedule, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        hardware.Settings.Set(CostKey.Schedule, schedule, file, line);
        return hardware;
    }
}
