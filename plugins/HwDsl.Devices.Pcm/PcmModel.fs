namespace HwDsl.Devices.Pcm

open System.Collections.Generic
open HwDsl.Contracts

/// <summary>
/// Phase-change memory with the statistical model of aihwkit's PCMLikeNoiseModel (fitted to measured PCM devices,
/// Nandakumar et al., ICECS 2019), conductances normalized to the element's Gmax (x = G/Gmax):
/// <code>
/// programming:  G_p = max(G_T + prog_noise_scale·σ_p(x_T)·Gmax·z + σ·Gmax·z', 0),  σ_p(x) = (0.26348 + 1.9650x − 1.1731x²)/25
/// drift:        G(t) = G_p·((t + t0)/t0)^(−ν),  ν = drift_scale·|μ(x_T) + σ_ν(x_T)·z|  per cell
///               μ = clip(−0.0155 ln x + 0.0244, 0.049, 0.1),  σ_ν = clip(−0.0125 ln x − 0.0059, 0.008, 0.045)
/// read:         G(t) + |G(t)|·read_noise_scale·Q_s·√ln((t + t0 + t_read)/(2 t_read))·z,  Q_s = min(0.0088/max(x_p^0.65, 1e-3), 0.2)
/// </code>
/// t counts from the end of programming; t0 is the first read (20 s), so there is no drift at t = 0 but there is read noise.
/// </summary>
[<Sealed>]
type PcmModel() =
    static let parameters: IReadOnlyList<DeviceParameter> =
        [| DeviceParameter("t0", "s", 1e-3, 1e4, 20.0, "time of the first read after programming; drift is measured from it")
           DeviceParameter("t_read", "s", 1e-9, 1e-3, 250e-9, "read duration in the 1/f noise integral")
           DeviceParameter("prog_noise_scale", "1", 0.0, 10.0, 1.0, "scale of the programming-noise polynomial")
           DeviceParameter("read_noise_scale", "1", 0.0, 10.0, 1.0, "scale of the accumulated 1/f read noise")
           DeviceParameter("drift_scale", "1", 0.0, 10.0, 1.0, "scale of the drift exponents nu") |]
        :> IReadOnlyList<DeviceParameter>

    static let presets: IReadOnlyList<DevicePreset> =
        let values =
            dict [ "t0", 20.0; "t_read", 250e-9; "prog_noise_scale", 1.0; "read_noise_scale", 1.0; "drift_scale", 1.0 ]
        [| DevicePreset(
               "nandakumar2019",
               "aihwkit PCMLikeNoiseModel defaults (prog_coeff [0.26348, 1.9650, -1.1731] uS at g_max 25 uS, drift and 1/f read-noise fits, "
               + "t0 = 20 s, t_read = 250 ns), fitted to PCM devices in Nandakumar et al., ICECS 2019 (https://ieeexplore.ieee.org/abstract/document/8964852).",
               Dictionary<string, float>(values) :> IReadOnlyDictionary<string, float>
           ) |]
        :> IReadOnlyList<DevicePreset>

    interface IDeviceModel with
        member _.Name = "pcm"
        member _.Version = "1.0.0"
        member _.Description = "phase-change memory: programming noise, power-law drift with per-cell nu and 1/f read noise growing with time (aihwkit PCMLikeNoiseModel)"
        member _.Parameters = parameters
        member _.Presets = presets

        member _.Configure(settings) =
            PcmDevice(
                settings.Get "t0",
                settings.Get "t_read",
                settings.Get "prog_noise_scale",
                settings.Get "read_noise_scale",
                settings.Get "drift_scale"
            )
            :> IDevice
