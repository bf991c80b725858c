using HwDsl.Contracts;

namespace HwDsl.Compiler;

/// <summary>Bridges the frozen spec (DSL records) to the device contract's parameter records.</summary>
internal static class LayerHardwareExtensions
{
    public static ElementParameters ToElement(this ElementSpec e) => new(e.OnOffRatio, e.NonLinearity, e.Scale);

    /// <summary>The achievable weights of a layer with this hardware on <paramref name="device"/>.</summary>
    public static WeightLevels BuildLevels(this LayerHardware hardware, IDeviceModel device)
        => WeightLevels.Build(device, hardware.Positive.ToElement(), hardware.Negative.ToElement(), hardware.WeightBits, hardware.Mapping);
}
