namespace HwDsl.Contracts.Tests.Conformance;

/// <summary>One configuration a device is checked in: a preset (or the defaults) and the element it is used as.</summary>
public sealed record DeviceCase(IDeviceModel Model, string? Preset, IDevice Device, ElementParameters Element)
{
    /// <summary>Every configuration of <paramref name="model"/>: defaults and each preset, each as a positive element, an
    /// asymmetric negative one and a bent one (the hardware's ν), with the device's own on/off ratio where it has one.</summary>
    public static IEnumerable<DeviceCase> All(IDeviceModel model)
    {
        foreach (var preset in new string?[] { null }.Concat(model.Presets.Select(p => p.Name)))
        {
            var device = model.Configure(DeviceSettings.Resolve(model, preset));
            var r = device.OnOffRatio ?? 10;
            foreach (var element in new[] { new ElementParameters(r, 0, 1), new ElementParameters(r, 0, 1.1), new ElementParameters(r, 1.5, 1) })
                yield return new DeviceCase(model, preset, device, element);
        }
    }

    /// <summary>"pcm/nandakumar2019 (r=10, nu=0, s=1)".</summary>
    public override string ToString()
        => $"{Model.Name}/{Preset ?? "defaults"} (r={Element.OnOffRatio:G4}, nu={Element.NonLinearity:G3}, s={Element.Scale:G3})";
}
