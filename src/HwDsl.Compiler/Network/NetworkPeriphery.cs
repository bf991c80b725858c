using HwDsl.Autodiff;

namespace HwDsl.Compiler;

/// <summary>What a compiled network does with its arrays' periphery as a whole: the calibration pass after programming,
/// drift compensation on and off, and the ADC saturation counts per layer.</summary>
internal static class NetworkPeriphery
{
    /// <summary>After programming: when some stage calibrates from data, one deployed pass over the calibration batch with
    /// those stages calibrating (layer by layer, so each layer calibrates on what the programmed layers before it give).</summary>
    internal static void Calibrate(CompiledNetwork network)
    {
        var stages = network.Arrays.SelectMany(a => a.OutputStages).OfType<ICalibratedStage>().Where(s => s.NeedsCalibration).ToList();
        if (stages.Count == 0) return;
        var batch = network.Calibration ?? throw new InvalidOperationException(
            "an ADC with a calibrated range (AdcRange.Calibrated) needs calibration data: set CompiledNetwork.Calibration (the runner uses the first training rows) before deploying.");
        var phase = network.Phase;
        var tape = network.CalibrationTape();
        try
        {
            network.Phase = NetworkPhase.Deployed;
            foreach (var s in stages) s.Calibrating = true;
            network.Forward(tape, tape.Input(batch.Features, batch.Count, batch.FeatureCount));
        }
        finally
        {
            foreach (var s in stages) s.Calibrating = false;
            network.Phase = phase;
            tape.Reset();
        }
    }

    internal static void Compensate(CompiledNetwork network, bool on)
    {
        var stages = network.Arrays.SelectMany(a => a.OutputStages).OfType<DriftCompensationStage>().ToList();
        if (on && stages.Count == 0)
            throw new InvalidOperationException("drift compensation was asked for, but the network was compiled without it (Evaluate(e => e.DriftCompensation()) or OverTime(...)).");
        foreach (var s in stages) s.Enabled = on;
    }

    internal static void CaptureDriftReference(CompiledNetwork network)
    {
        foreach (var s in network.Arrays.SelectMany(a => a.OutputStages).OfType<DriftCompensationStage>()) s.Capture();
    }

    internal static IReadOnlyList<LayerSaturation> Saturation(CompiledNetwork network) =>
    [
        .. network.Arrays.Where(a => a.OutputStages.OfType<ISaturatingStage>().Any()).Select(a => new LayerSaturation(a.Layer.Index,
            a.OutputStages.OfType<ISaturatingStage>().Sum(s => s.Saturated), a.OutputStages.OfType<ISaturatingStage>().Sum(s => s.Converted))),
    ];

    internal static void ResetSaturation(CompiledNetwork network)
    {
        foreach (var s in network.Arrays.SelectMany(a => a.OutputStages).OfType<ISaturatingStage>()) s.ResetCounts();
    }
}
