namespace HwDsl.FSharp

open System
open System.Runtime.CompilerServices
open System.Runtime.InteropServices
open HwDsl

/// Hardware as an immutable pipeline: `Hw.differentialPair () |> Hw.weightBits 4 |> Hw.onOffRatio 10.0`. Every step
/// returns a new value, so a base description can be shared. Each step records the line it was written on and is
/// replayed onto the C# `HardwareBuilder` (or a layer's override) when the experiment is built; `%A` shows the pipeline.
[<StructuredFormatDisplay("{Display}")>]
type Hw =
    internal
        { Start: Step<unit> option
          Create: unit -> HardwareBuilder
          Steps: Step<HardwareScope> list }

    /// The pipeline as written, with where each step came from.
    member h.Display =
        (Option.toList h.Start |> List.map (fun s -> s.Display)) @ (h.Steps |> List.map (fun s -> s.Display))
        |> String.concat " |> "

    override h.ToString() = h.Display

    /// The C# builder this pipeline describes (a new one on every call).
    member h.ToBuilder() : HardwareBuilder =
        let b = h.Create()
        Step.replay (b :> HardwareScope) h.Steps
        b

    static member internal Starting(call: string, file: string, line: int, create: Loc -> HardwareBuilder) =
        let at = { File = file; Line = line }
        { Start = Some(Step.make call file line (fun () _ -> ()))
          Create = (fun () -> create at)
          Steps = [] }

    /// The steps of a per-layer override, without a start (replayed onto a C# `LayerOverride`).
    static member internal Override = { Start = None; Create = (fun () -> Hardware.DifferentialPair()); Steps = [] }

    static member internal Change(call: string, file: string, line: int, apply: HardwareScope -> Loc -> unit) : Hw -> Hw =
        fun hw -> { hw with Steps = hw.Steps @ [ Step.make call file line apply ] }

    // ---- where the pipeline starts (C# `Hardware.*`) ----

    /// Each weight is a differential pair of elements, w ∝ G⁺ − G⁻, on `device` (default `nvm`), optionally from a preset.
    static member differentialPair([<Optional; DefaultParameterValue(null: string)>] device: string,
                                   [<Optional; DefaultParameterValue(null: string)>] preset: string,
                                   [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw =
        Hw.Starting(Call.named "differentialPair" [ "device", box device; "preset", box preset ], file, line,
                    fun at -> Hardware.DifferentialPair(device, preset, at.File, at.Line))

    /// One element per weight against a fixed reference, w ∝ G − G_ref.
    static member singleElement([<Optional; DefaultParameterValue(null: string)>] device: string,
                                [<Optional; DefaultParameterValue(null: string)>] preset: string,
                                [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                                [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw =
        Hw.Starting(Call.named "singleElement" [ "device", box device; "preset", box preset ], file, line,
                    fun at -> Hardware.SingleElement(device, preset, at.File, at.Line))

    /// Binary weights (Borders et al. 2023): ±1 as two device states against a reference, or a complementary pair.
    static member binary([<Optional; DefaultParameterValue(null: string)>] device: string,
                         [<Optional; DefaultParameterValue(null: string)>] preset: string,
                         [<Optional; DefaultParameterValue(false)>] pair: bool,
                         [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                         [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw =
        let call = Call.named "binary" [ "device", box device; "preset", box preset; "pair", (if pair then box true else null) ]
        Hw.Starting(call, file, line, fun at -> Hardware.Binary(device, preset, pair, at.File, at.Line))

    /// Every layer digital: exact float MAC, no analog effects (C# `Hardware.Digital()`).
    static member allDigital([<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                             [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw =
        Hw.Starting("allDigital ()", file, line, fun at -> Hardware.Digital(at.File, at.Line))

    // ---- bits ----

    /// Bits per element, 1..16 (HW0103): 2^bits conductance levels. Default 8.
    static member weightBits(bits: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                             [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"weightBits {bits}", file, line, fun s at -> s.WeightBits(bits, at.File, at.Line) |> ignore)

    /// Bits of the layer's inputs (the DAC), 1..16 (HW0104).
    static member inputBits(bits: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                            [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"inputBits {bits}", file, line, fun s at -> s.InputBits(Nullable bits, at.File, at.Line) |> ignore)

    /// Float inputs (the default; undoes an inherited `inputBits`; C# `InputBits(null)`).
    static member floatInputs([<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                              [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change("floatInputs ()", file, line, fun s at -> s.InputBits(Nullable(), at.File, at.Line) |> ignore)

    /// Bits of the layer's output activation, 1..16 (HW0105); needs ClippedRelu or Sign after the layer (HW0121).
    static member activationBits(bits: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                                 [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"activationBits {bits}", file, line, fun s at -> s.ActivationBits(Nullable bits, at.File, at.Line) |> ignore)

    /// Float activations (the default; C# `ActivationBits(null)`).
    static member floatActivations([<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change("floatActivations ()", file, line, fun s at -> s.ActivationBits(Nullable(), at.File, at.Line) |> ignore)

    /// Weight, input and activation bits at once (three steps at this line).
    static member bits(bits: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                       [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.weightBits (bits, file, line) >> Hw.inputBits (bits, file, line) >> Hw.activationBits (bits, file, line)

    // ---- the elements ----

    /// Gmax/Gmin of the elements: > 1, or infinity for Gmin = 0 (HW0102). Default ∞.
    static member onOffRatio(ratio: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                             [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"onOffRatio {Step.show ratio}", file, line, fun s at -> s.OnOffRatio(ratio, at.File, at.Line) |> ignore)

    /// Non-linearity ν of the device curve: finite, |ν| ≤ 20 (HW0107); 0 is linear.
    static member nonLinearity(nu: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                               [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"nonLinearity {Step.show nu}", file, line, fun s at -> s.NonLinearity(nu, at.File, at.Line) |> ignore)

    /// Asymmetry a of a differential pair: G⁻ scaled by 1 + a; −1 < a < 1 (HW0106).
    static member asymmetry(a: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                            [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"asymmetry {Step.show a}", file, line, fun s at -> s.Asymmetry(a, at.File, at.Line) |> ignore)

    /// How w_max is chosen per layer: `WeightRange.maxAbs`, `WeightRange.fixedAt 1.0`, `WeightRange.learned` or `Rounding.fittedScale`.
    static member weightRange(range: HwDsl.WeightRange, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                              [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"weightRange {range}", file, line, fun s at -> s.WeightRange(range, at.File, at.Line) |> ignore)

    /// G⁻ of a differential pair with its own on/off ratio and non-linearity: `[ Element.onOffRatio 8.0 ]`.
    static member negativeElement(settings: Step<ElementBuilder> list,
                                  [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"negativeElement %A{settings}", file, line, fun s _ -> s.NegativeElement(fun e -> Step.replay e settings) |> ignore)

    // ---- kind, device, presets ----

    /// Digital: an exact float MAC with no analog effects (per layer: `firstLayer (Hw.digital ())`).
    static member digital([<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                          [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change("digital ()", file, line, fun s at -> s.Digital(at.File, at.Line) |> ignore)

    /// Analog (the default): undoes an inherited `digital` for one layer.
    static member analog([<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                         [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change("analog ()", file, line, fun s at -> s.Analog(at.File, at.Line) |> ignore)

    /// How signed weights map to conductances: `WeightMapping.DifferentialPair` or `WeightMapping.SingleWithReference`.
    static member mapping(mapping: WeightMapping, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                          [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"mapping {mapping}", file, line, fun s at -> s.Mapping(mapping, at.File, at.Line) |> ignore)

    /// The device model by name (default `nvm`; unknown names HW0142), optionally with one of its presets (HW0143).
    static member device(name: string, [<Optional; DefaultParameterValue(null: string)>] preset: string,
                         [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                         [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change(Call.named "device" [ "", box name; "preset", box preset ], file, line,
                  fun s at -> s.Device(name, preset, at.File, at.Line) |> ignore)

    /// One of the device's presets (HW0140, HW0143).
    static member devicePreset(name: string, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                               [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"devicePreset %A{name}", file, line, fun s at -> s.DevicePreset(name, at.File, at.Line) |> ignore)

    /// One of the device's declared parameters (HW0141, HW0144, HW0145): `Hw.deviceParameter ("drift_scale", 2.0)`.
    static member deviceParameter(name: string, value: float,
                                  [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"deviceParameter (%A{name}, {Step.show value})", file, line,
                  fun s at -> s.DeviceParameter(name, value, at.File, at.Line) |> ignore)

    /// A registered hardware preset by name (HW0101); explicit steps win over its values.
    static member preset(name: string, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                         [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"preset %A{name}", file, line, fun s at -> s.Preset(name, at.File, at.Line) |> ignore)

    /// A hardware preset value, e.g. `HardwarePresets.ideal` or one made with `HardwarePresets.create`.
    static member preset(preset: HardwarePreset, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                         [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"preset {preset.Name}", file, line, fun s at -> s.Preset(preset, at.File, at.Line) |> ignore)

    // ---- noise, binary weights, defects ----

    /// Programming noise σ, a fraction of Gmax, 0..0.5 (HW0112).
    static member programmingNoise(sigma: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"programmingNoise {Step.show sigma}", file, line, fun s at -> s.ProgrammingNoise(sigma, at.File, at.Line) |> ignore)

    /// Read noise σ on every read, a fraction of Gmax, 0..0.5 (HW0113).
    static member readNoise(sigma: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                            [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"readNoise {Step.show sigma}", file, line, fun s at -> s.ReadNoise(sigma, at.File, at.Line) |> ignore)

    /// Binary weights on this scope (C# `HardwareScope.Binary()`; `Hw.binary` starts binary hardware).
    static member asBinary([<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                           [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change("asBinary ()", file, line, fun s at -> s.Binary(at.File, at.Line) |> ignore)

    /// Defective devices: `Hw.defects [ Defects.shorted (Dist.beta 0.02 0.01); Defects.opened 0.005 ]`.
    static member defects(rates: Step<DefectsBuilder> list,
                          [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                          [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"defects %A{rates}", file, line, fun s _ -> s.Defects(fun d -> Step.replay d rates) |> ignore)

    /// Device-to-device variation σ of a working device's conductance, drawn per die, 0..0.5 (HW0504).
    static member deviceToDevice(sigma: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                                 [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"deviceToDevice {Step.show sigma}", file, line, fun s at -> s.DeviceToDevice(sigma, at.File, at.Line) |> ignore)

    // ---- tiles and periphery ----

    /// Crossbar tiles of at most `rows` inputs × `columns` outputs (1..4096 each, HW0150; default 512 × 512); a larger
    /// layer is split over several tiles whose partial sums are added digitally.
    static member tileSize(rows: int, columns: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                           [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"tileSize {rows} {columns}", file, line, fun s at -> s.TileSize(rows, columns, at.File, at.Line) |> ignore)

    // ---- the cost model's technology (global hardware only) ----

    static member private Global(call: string, file: string, line: int, apply: HardwareBuilder -> Loc -> unit) : Hw -> Hw =
        Hw.Change(call, file, line, fun s at ->
            match s with
            | :? HardwareBuilder as h -> apply h at
            | _ -> failwith $"{at.File}({at.Line}): {call} sets the cost model of the whole hardware; put it in the hardware pipeline, not on one layer.")

    /// The technology whose per-event constants the cost model uses: `Hw.technology Technologies.neuroSimRram32nm` (HW0903).
    static member technology(technology: Technology, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                             [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Global($"technology {technology}", file, line, fun h at -> h.Technology(technology, at.File, at.Line) |> ignore)

    /// Overrides one technology constant (SI units): `Hw.cost(CostConstant.AdcWaldenFom, 2e-15)` (HW0901/HW0902).
    static member cost(constant: CostConstant, value: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                       [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Global($"cost {constant} {Step.show value}", file, line, fun h at -> h.Cost(constant, value, at.File, at.Line) |> ignore)

    /// Columns sharing one ADC, 1..4096 (HW0902).
    static member adcSharing(columnsPerAdc: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                             [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Global($"adcSharing {columnsPerAdc}", file, line, fun h at -> h.AdcSharing(columnsPerAdc, at.File, at.Line) |> ignore)

    /// A layer's tiles in parallel (default) or one after the other, for the latency estimate.
    static member tileSchedule(schedule: TileSchedule, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                               [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Global($"tileSchedule {schedule}", file, line, fun h at -> h.TileSchedule(schedule, at.File, at.Line) |> ignore)

    /// A periphery stage on every tile, e.g. `Hw.periphery (ColumnGainError 0.02)`; a later stage of the same name replaces it.
    static member periphery(stage: PeripheryStageSpec, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                            [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"periphery {stage}", file, line, fun s at -> s.Periphery(stage, at.File, at.Line) |> ignore)

    /// The column ADC of every tile: `Hw.adc(8, AdcRange.calibrated 99.9)` or `Hw.adc(6, AdcRange.fixedAt 2.0)` (HW0801–HW0803).
    static member adc(bits: int, range: AdcRange, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                      [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"adc {bits} {range}", file, line, fun s at -> s.Adc(bits, range, at.File, at.Line) |> ignore)

    /// Output-referred noise redrawn on every MVM, σ in units of Gmax × full-scale input (HW0804).
    static member outputNoise(sigma: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                              [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"outputNoise {Step.show sigma}", file, line, fun s at -> s.OutputNoise(sigma, at.File, at.Line) |> ignore)

    /// Conductance read noise redrawn on every MVM, σ a fraction of Gmax (HW0805).
    static member readNoisePerMvm(sigma: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"readNoisePerMvm {Step.show sigma}", file, line, fun s at -> s.ReadNoisePerMvm(sigma, at.File, at.Line) |> ignore)

    /// IR drop on row and column wires, one segment's resistance times Gmax (HW0806, HW0807).
    static member irDrop(wire: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                         [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"irDrop {Step.show wire}", file, line, fun s at -> s.IrDrop(wire, at.File, at.Line) |> ignore)

    /// The input DAC's range: `InputRange.fixedAt 1.0`, `InputRange.dynamic` or `InputRange.learned 1.0` (HW0808).
    static member inputRange(range: InputRange, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                             [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Hw -> Hw =
        Hw.Change($"inputRange {range}", file, line, fun s at -> s.InputRange(range, at.File, at.Line) |> ignore)

    /// One copy of `hw` per value (a one-parameter sweep; C# `HardwareBuilder.Sweep`).
    static member sweep (values: 'T seq) (change: 'T -> Hw -> Hw) (hw: Hw) : Hw list = [ for v in values -> change v hw ]

/// Named hardware presets (`HwDsl.HardwarePresets`), and presets written as F# pipelines.
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module HardwarePresets =
    /// `ideal`: infinite on/off ratio, linear, symmetric, noiseless; leaves bit widths alone.
    let ideal = HwDsl.HardwarePresets.Ideal

    /// All registered preset names, sorted.
    let names () = List.ofSeq HwDsl.HardwarePresets.Names

    /// The preset called `name` (case-insensitive), if registered.
    let find (name: string) = HwDsl.HardwarePresets.Find name |> Option.ofObj

    /// Adds or replaces a preset, found afterwards by name.
    let register (preset: HardwarePreset) = HwDsl.HardwarePresets.Register preset

    /// A preset whose values are an F# pipeline of steps, e.g. `create "mine" "Smith 2024, Fig. 3" (Hw.onOffRatio 12.0)`.
    let create (name: string) (citation: string) (values: Hw -> Hw) =
        let steps = (values Hw.Override).Steps
        HardwarePreset(name, citation, Action<HardwareScope>(fun scope -> Step.replay scope steps))
