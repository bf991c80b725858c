namespace HwDsl.FSharp

open System
open System.Runtime.CompilerServices
open System.Runtime.InteropServices
open HwDsl

/// The operations of `experiment "name" { … }` and `variant e { … }`: one line per setting, in any order; a later
/// setting of the same thing wins. Each operation records the line it is written on.
type ExperimentCE internal (start: ExperimentDef) =
    static let at file line = { File = file; Line = line }
    static let train (e: ExperimentDef) call file line (apply: TrainingBuilder -> Loc -> unit) =
        { e with Training = e.Training @ [ Step.make call file line apply ] }
    static let evaluate (e: ExperimentDef) call file line (apply: EvaluationBuilder -> Loc -> unit) =
        { e with Evaluation = e.Evaluation @ [ Step.make call file line apply ] }
    static let change (e: ExperimentDef) pick file line (changes: Hw -> Hw) =
        { e with Layers = e.Layers @ [ { Layer = pick; At = at file line; Changes = changes Hw.Override } ] }

    member _.Yield(()) = start

    // ---- the experiment ----

    /// Another name (its own run folder; C# `WithName`).
    [<CustomOperation("name")>]
    member _.Name(e: ExperimentDef, name: string, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        { e with Name = { Value = name; At = at file line } }

    /// Random seed: weights, batches, noise draws. Default 0.
    [<CustomOperation("seed")>]
    member _.Seed(e: ExperimentDef, seed: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        { e with Seed = Some { Value = seed; At = at file line } }

    /// The data set, e.g. `Datasets.mnist` (required).
    [<CustomOperation("data")>]
    member _.Data(e: ExperimentDef, data: DatasetRef, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        { e with Data = Some { Value = data; At = at file line } }

    /// The network: `network (layers { dense 256; clippedRelu; dense 10 })`.
    [<CustomOperation("network")>]
    member _.Network(e: ExperimentDef, layers: Step<NetworkBuilder> list,
                     [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                     [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        { e with Network = Some { Value = layers; At = at file line } }

    /// The hardware every weight layer (Dense and Conv2d) runs on (default: `Hw.differentialPair ()`); keeps the per-layer overrides.
    [<CustomOperation("on")>]
    member _.On(e: ExperimentDef, hardware: Hw, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        { e with Hardware = Some { Value = hardware; At = at file line } }

    /// Overrides on the first weight layer (a Conv2d in a convolutional network), e.g. `firstLayer (Hw.digital ())`.
    [<CustomOperation("firstLayer")>]
    member _.FirstLayer(e: ExperimentDef, changes: Hw -> Hw, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                        [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        change e FirstLayer file line changes

    /// Overrides on the last weight layer (the Dense classifier), e.g. `lastLayer (Hw.weightBits 8)`.
    [<CustomOperation("lastLayer")>]
    member _.LastLayer(e: ExperimentDef, changes: Hw -> Hw, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                       [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        change e LastLayer file line changes

    /// Overrides on weight layer `index` (0-based over Dense and Conv2d layers; beyond the network HW0120), e.g. `layer 1 (Hw.readNoise 0.02)`.
    [<CustomOperation("layer")>]
    member _.Layer(e: ExperimentDef, index: int, changes: Hw -> Hw,
                   [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        change e (LayerAt index) file line changes

    // ---- training ----

    /// Adam with learning rate `lr` (HW0301).
    [<CustomOperation("adam")>]
    member _.Adam(e: ExperimentDef, lr: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"adam {Step.show lr}" file line (fun t at -> t.Adam(lr, at.File, at.Line) |> ignore)

    /// AdamW with learning rate `lr` and decoupled weight decay `weightDecay` (HW0303).
    [<CustomOperation("adamW")>]
    member _.AdamW(e: ExperimentDef, lr: float, weightDecay: float,
                   [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"adamW {Step.show lr} {Step.show weightDecay}" file line (fun t at -> t.AdamW(lr, weightDecay, at.File, at.Line) |> ignore)

    /// SGD with learning rate `lr` and momentum in [0, 1) (HW0302).
    [<CustomOperation("sgd")>]
    member _.Sgd(e: ExperimentDef, lr: float, momentum: float,
                 [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                 [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"sgd {Step.show lr} {Step.show momentum}" file line (fun t at -> t.Sgd(lr, momentum, at.File, at.Line) |> ignore)

    /// Training epochs, ≥ 1 (HW0304).
    [<CustomOperation("epochs")>]
    member _.Epochs(e: ExperimentDef, epochs: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                    [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"epochs {epochs}" file line (fun t at -> t.Epochs(epochs, at.File, at.Line) |> ignore)

    /// Mini-batch size, ≥ 1 (HW0305).
    [<CustomOperation("batch")>]
    member _.Batch(e: ExperimentDef, batch: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"batch {batch}" file line (fun t at -> t.Batch(batch, at.File, at.Line) |> ignore)

    /// Learning-rate schedule: `Schedule.cosine` (default), `Schedule.constant`, `Schedule.step 0.5 3` (HW0306).
    [<CustomOperation("schedule")>]
    member _.Schedule(e: ExperimentDef, schedule: ScheduleSpec, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                      [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"schedule {schedule}" file line (fun t at -> t.Schedule(schedule, at.File, at.Line) |> ignore)

    /// Software baseline: float training, evaluated in float (C# `Float()`; `float` is F#'s conversion).
    [<CustomOperation("floatTraining")>]
    member _.FloatTraining(e: ExperimentDef, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                           [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e "floatTraining" file line (fun t at -> t.Float(at.File, at.Line) |> ignore)

    /// Float training, then the weights mapped onto the hardware as they are.
    [<CustomOperation("naiveMapping")>]
    member _.NaiveMapping(e: ExperimentDef, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                          [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e "naiveMapping" file line (fun t at -> t.NaiveMapping(at.File, at.Line) |> ignore)

    /// Hardware-aware training through `relaxation`: `Relaxation.sigmoid 2.0 50.0`, `Relaxation.ste`, `Rounding.inTraining`.
    [<CustomOperation("hardwareAware")>]
    member _.HardwareAware(e: ExperimentDef, relaxation: RelaxationSpec,
                           [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                           [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"hardwareAware {relaxation}" file line (fun t at -> t.HardwareAware(relaxation, at.File, at.Line) |> ignore)

    /// Noise-aware hardware-aware training: as `hardwareAware relaxation`, plus a fresh draw of the device's programming and
    /// read noise per mini-batch (times `scale`, in (0, 10]: HW0810) and the per-MVM periphery noise in training.
    [<CustomOperation("noiseAware")>]
    member _.NoiseAware(e: ExperimentDef, relaxation: RelaxationSpec, scale: float,
                        [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                        [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"noiseAware {relaxation} {Step.show scale}" file line (fun t at -> t.NoiseAware(relaxation, scale, Nullable(), at.File, at.Line) |> ignore)

    /// How weights pick their level when programmed: `Rounding.nearest` (default) or `Rounding.stochastic` (HW07xx).
    [<CustomOperation("rounding")>]
    member _.Rounding(e: ExperimentDef, rounding: WeightRounding, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                      [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"rounding {rounding}" file line (fun t at -> t.Rounding(rounding, at.File, at.Line) |> ignore)

    /// Hardware-aware training on die `die` of the evaluation population (HW0510).
    [<CustomOperation("perDie")>]
    member _.PerDie(e: ExperimentDef, die: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                    [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"perDie {die}" file line (fun t at -> t.PerDie(die, at.File, at.Line) |> ignore)

    /// Statistics-aware training: a fresh die every `everyBatches` mini-batches (HW0511).
    [<CustomOperation("statisticsAware")>]
    member _.StatisticsAware(e: ExperimentDef, everyBatches: int,
                             [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                             [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"statisticsAware {everyBatches}" file line (fun t at -> t.StatisticsAware(everyBatches, at.File, at.Line) |> ignore)

    // ---- evaluation ----

    /// Evaluate the hard deployed model over `samples` programming-noise draws (HW0401–HW0403).
    [<CustomOperation("deployed")>]
    member _.Deployed(e: ExperimentDef, samples: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                      [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        evaluate e $"deployed {samples}" file line (fun ev at -> ev.Deployed(samples, at.File, at.Line) |> ignore)

    /// Read the deployed network this long after programming (drift; HW0147), e.g. `at (TimeSpan.FromDays 1.0)`.
    [<CustomOperation("at")>]
    member _.At(e: ExperimentDef, afterProgramming: TimeSpan, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        evaluate e $"at {afterProgramming}" file line (fun ev at -> ev.At(afterProgramming, at.File, at.Line) |> ignore)

    /// Accuracy over time: each sample programmed once and read at every time (1 to 8, ascending; HW0820–HW0824), with and
    /// without global drift compensation, e.g. `overTime [ TimeSpan.FromSeconds 1.0; TimeSpan.FromDays 1.0 ]`.
    [<CustomOperation("overTime")>]
    member _.OverTime(e: ExperimentDef, times: TimeSpan list, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                      [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        if times.IsEmpty || times.Length > 8 then invalidArg (nameof times) $"overTime takes 1 to 8 read times; got {times.Length}."
        let t i = if i < times.Length then Nullable times.[i] else Nullable()
        evaluate e $"overTime {times}" file line (fun ev at -> ev.OverTime(times.[0], t 1, t 2, t 3, t 4, t 5, t 6, t 7, at.File, at.Line) |> ignore)

    /// Global drift compensation on or off (one scalar per tile; HW0823).
    [<CustomOperation("driftCompensation")>]
    member _.DriftCompensation(e: ExperimentDef, on: bool, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                               [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        evaluate e $"driftCompensation {on}" file line (fun ev at -> ev.DriftCompensation(on, at.File, at.Line) |> ignore)

    /// As `at`, in seconds.
    [<CustomOperation("atSeconds")>]
    member _.AtSeconds(e: ExperimentDef, seconds: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                       [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        evaluate e $"atSeconds {Step.show seconds}" file line (fun ev at -> ev.AtSeconds(seconds, at.File, at.Line) |> ignore)

    /// Evaluate on every die of `dies` (`Dies.sample 36 1`, `Dies.load [ "maps/*.csv" ]`; HW0507, HW0508, HW0512).
    [<CustomOperation("onDies")>]
    member _.OnDies(e: ExperimentDef, dies: DiePopulation, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                    [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        evaluate e $"onDies {dies}" file line (fun ev at -> ev.OnDies(dies, at.File, at.Line) |> ignore)

/// Starts an experiment: `experiment "rram-4bit" { data Datasets.mnist; network (layers { dense 10 }); on hw }`.
/// The name's line is recorded like every other value's.
[<Sealed>]
type experiment(name: string, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
    inherit
        ExperimentCE(
            { Name = { Value = name; At = { File = file; Line = line } }
              Seed = None
              Data = None
              Network = None
              Hardware = None
              Layers = []
              Training = []
              Evaluation = [] }
        )

/// A copy of `from` with more settings: `variant aware { name "naive"; naiveMapping }` (C# `With`, `WithEvaluation`).
[<Sealed>]
type variant(from: ExperimentDef) =
    inherit ExperimentCE(from)
