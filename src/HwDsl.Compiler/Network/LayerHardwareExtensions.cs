using HwDsl.Contracts;

namespace HwDsl.Compiler;

/// <summary>Bridges the frozen spec (DSL records) to the device contract's parameter records.</summary>
internal static class LayerHardwareExtensions
{
    public static ElementParameters ToElement(this ElementSpec e) => new(e.OnOffRatio, e.NonLinearity, e.Scale);

    /// <summary>The achievable weights of a layer with this hardware on <paramref name="device"/>. Where the script set no
    /// on/off ratio (its provenance is the default) and the device implies one (<see cref="IDevice.OnOffRatio"/>), the
    /// device's applies.</summary>
    public static WeightLevels BuildLevels(this LayerHardware hardware, IDevice device, string deviceName, ExperimentSpec? spec = null)
    {
        var positive = hardware.Positive.ToElement();
        var negative = hardware.Negative.ToElement();
        if (device.OnOffRatio is { } ratio && spec is not null)
        {
            var at = $"Layers[{hardware.Index}].";
            if (spec.SourceOf(at + "Positive.OnOffRatio").Source == ValueSource.Default) positive = positive with { OnOffRatio = ratio };
            if (spec.SourceOf(at + "Negative.OnOffRatio").Source == ValueSource.Default) negative = negative with { OnOffRatio = ratio };
        }
        return WeightLevels.Build(device, positive, negative, hardware.WeightBits, hardware.Mapping, deviceName);
    }
}
