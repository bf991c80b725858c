namespace HwDsl.FSharp

open HwDsl

/// Hardware as immutable pipelines: every function returns a modified copy, so a base description can be shared,
/// e.g. `Hw.differentialPair |> bits 4 |> onOff 10.0 |> asymmetry 0.1`. Values set here are recorded as explicit
/// (F# functions cannot pass the caller's file and line on, so the debug view shows `explicit`, not `file:line`).
[<AutoOpen>]
module Hw =
    let private change (f: HardwareBuilder -> HardwareBuilder) (hw: HardwareBuilder) = hw.With(fun h -> f h |> ignore)

    /// Each weight is a differential pair of elements (w ∝ G⁺ − G⁻) on the default device.
    let differentialPair = Hardware.DifferentialPair(file = "", line = 0)

    /// A differential pair on a named device (and optionally a preset).
    let differentialPairOn (device: string) = Hardware.DifferentialPair(device, file = "", line = 0)

    /// Each weight is one element against a fixed reference.
    let singleElement = Hardware.SingleElement(file = "", line = 0)

    /// Digital layers: weights quantized, no device physics.
    let digital = Hardware.Digital(file = "", line = 0)

    /// Weight bits (levels per element = 2^bits).
    let weightBits (b: int) = change (fun h -> h.WeightBits(b, "", 0))

    /// Input bits of each analog layer.
    let inputBits (b: int) = change (fun h -> h.InputBits(System.Nullable b, "", 0))

    /// Activation bits after each layer.
    let activationBits (b: int) = change (fun h -> h.ActivationBits(System.Nullable b, "", 0))

    /// Weight, input and activation bits at once.
    let bits (b: int) = weightBits b >> inputBits b >> activationBits b

    /// Gmax/Gmin of the elements (> 1, or infinity).
    let onOff (ratio: float) = change (fun h -> h.OnOffRatio(ratio, "", 0))

    /// The device curve's non-linearity ν (0 = linear).
    let nonLinearity (nu: float) = change (fun h -> h.NonLinearity(nu, "", 0))

    /// Relative scale difference of the G⁻ element (0 = matched pair).
    let asymmetry (a: float) = change (fun h -> h.Asymmetry(a, "", 0))

    /// Programming noise σ (relative to the conductance range).
    let programmingNoise (sigma: float) = change (fun h -> h.ProgrammingNoise(sigma, "", 0))

    /// Read noise σ per inference.
    let readNoise (sigma: float) = change (fun h -> h.ReadNoise(sigma, "", 0))

    /// The device model by name (see `hwdsl repl` #plugins).
    let device (name: string) = change (fun h -> h.Device(name, null, "", 0))

    /// A device model and one of its presets.
    let deviceWithPreset (name: string) (preset: string) = change (fun h -> h.Device(name, preset, "", 0))

    /// One of the chosen device's presets.
    let devicePreset (name: string) = change (fun h -> h.DevicePreset(name, "", 0))

    /// Overrides one of the device's described parameters.
    let deviceParameter (name: string) (value: float) = change (fun h -> h.DeviceParameter(name, value, "", 0))

    /// A hardware preset by name.
    let preset (name: string) = change (fun h -> h.Preset(name, "", 0))
