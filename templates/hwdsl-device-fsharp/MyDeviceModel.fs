namespace MyDevice

open System.Collections.Generic
open HwDsl.Contracts

/// The model hwdsl finds in the plugin folder: its name, version, described parameters and presets, and `Configure`,
/// which turns resolved parameter values into a configured `MyDeviceElement`. Keep parameters as plain numbers with
/// ranges and units; cite where each preset's numbers come from.
[<Sealed>]
type MyDeviceModel() =
    static let parameters: IReadOnlyList<DeviceParameter> =
        [| DeviceParameter("programming_noise", "fraction of Gmax", 0.0, 0.5, 0.0, "sigma of the programmed conductance")
           DeviceParameter("read_noise", "fraction of Gmax", 0.0, 0.5, 0.0, "sigma of one read") |]

    static let presets: IReadOnlyList<DevicePreset> =
        [| DevicePreset(
               "noisy",
               "illustrative values, not a measured device: replace with your source (paper, figure)",
               Dictionary<string, float>(dict [ "programming_noise", 0.02; "read_noise", 0.01 ])
           ) |]

    interface IDeviceModel with
        member _.Name = "my-device"
        member _.Version = "1.0.0"
        member _.Description = "power-law element g = Gmin + (Gmax - Gmin) u^gamma with Gaussian programming and read noise (F# template)"
        member _.Parameters = parameters
        member _.Presets = presets

        member _.Configure(settings) =
            MyDeviceElement(settings.Get "programming_noise", settings.Get "read_noise") :> IDevice
