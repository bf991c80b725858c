using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>
/// What is checked before the first mini-batch, so that a mistake costs seconds, not a training budget: the size of every
/// weight layer as bound (dense and convolution) against one array and the memory limit, after binding and before
/// anything is allocated. Devices, presets, parameters and die map files are checked by the binder
/// (<see cref="ExperimentBinder"/>); data files when they load.
/// </summary>
internal static class RunChecks
{
    public static void BeforeCompile(BoundExperiment bound, ExperimentSpec spec, Dataset data)
    {
        // Value, gradient and Adam's two buffers; a hardware layer adds its effective weights and their derivative.
        var layers = bound.Layers.Select(l => new LayerShape(
            $"{(l.Convolution is null ? "dense" : "conv")} layer {l.Index + 1}", l.Inputs, l.Outputs,
            l.Convolution?.Positions ?? 1, l.Digital ? 4 : 6)).ToList();
        try
        {
            ModelSize.Check(layers, spec.Training.Batch, 1000);
        }
        catch (ArgumentException e)
        {
            var widths = string.Join("-", [bound.Layers.Count > 0 ? bound.Layers[0].Inputs : data.Train.FeatureCount, .. bound.Layers.Select(l => l.Outputs)]);
            throw new SpecException([new SpecError(RuleCodes.NetworkSize, "Network", widths, e.Message, spec.Provenance.GetValueOrDefault("Network") ?? Provenance.Default)]);
        }
    }
}
