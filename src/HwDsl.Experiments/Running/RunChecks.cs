using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>
/// What is checked before the first mini-batch, so that a mistake costs seconds, not a training budget: the size of every
/// layer against one array and the memory limit (before anything is allocated). Devices, presets, parameters and die
/// map files are checked by the binder (<see cref="ExperimentBinder"/>); data files when they load.
/// </summary>
internal static class RunChecks
{
    public static void BeforeCompile(ExperimentSpec spec, Dataset data)
    {
        var widths = new List<int> { data.Train.FeatureCount };
        widths.AddRange(spec.Network.Layers.OfType<DenseSpec>().Select(d => d.Units));
        // Value, gradient and Adam's two buffers; a hardware layer adds its effective weights and their derivative.
        var copies = 4 + (spec.Layers.Any(l => !l.Digital) ? 2 : 0);
        try
        {
            ModelSize.Check(widths, spec.Training.Batch, 1000, copies);
        }
        catch (ArgumentException e)
        {
            throw new SpecException([new SpecError(RuleCodes.NetworkSize, "Network", string.Join("-", widths), e.Message, spec.Provenance.GetValueOrDefault("Network") ?? Provenance.Default)]);
        }
    }
}
