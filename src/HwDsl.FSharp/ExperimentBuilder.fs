namespace HwDsl.FSharp

open HwDsl

/// An experiment as an F# record: build variants with `{ e with Mode = Some NaiveMapping }` or `Exp.withMode`.
/// `Exp.build` validates it into the same `ExperimentSpec` the C# DSL builds.
type ExperimentDef =
    { Name: string
      Seed: int option
      Data: DatasetRef option
      Layers: Layer list
      Hardware: HardwareBuilder option
      Optimizer: Optimizer option
      Epochs: int option
      Batch: int option
      Schedule: ScheduleSpec option
      Mode: Mode option
      DeployedSamples: int option }

/// The `experiment "name" { … }` computation expression: one line per setting, in any order.
type ExperimentCE(name: string) =
    member _.Yield(_: unit) =
        { Name = name; Seed = None; Data = None; Layers = []; Hardware = None; Optimizer = None; Epochs = None
          Batch = None; Schedule = None; Mode = None; DeployedSamples = None }

    /// Random seed (weights, batches, noise draws).
    [<CustomOperation("seed")>]
    member _.Seed(e: ExperimentDef, seed: int) = { e with Seed = Some seed }

    /// The data set, e.g. `Datasets.Mnist`.
    [<CustomOperation("data")>]
    member _.Data(e: ExperimentDef, data: DatasetRef) = { e with Data = Some data }

    /// The layers, e.g. `[ dense 256; clippedRelu; dense 10 ]`.
    [<CustomOperation("network")>]
    member _.Network(e: ExperimentDef, layers: Layer list) = { e with Layers = layers }

    /// The hardware every Dense layer runs on.
    [<CustomOperation("on")>]
    member _.On(e: ExperimentDef, hw: HardwareBuilder) = { e with Hardware = Some hw }

    /// The optimizer, e.g. `adam 1e-3`.
    [<CustomOperation("optimizer")>]
    member _.Optimizer(e: ExperimentDef, o: Optimizer) = { e with Optimizer = Some o }

    /// Training epochs.
    [<CustomOperation("epochs")>]
    member _.Epochs(e: ExperimentDef, n: int) = { e with Epochs = Some n }

    /// Mini-batch size.
    [<CustomOperation("batch")>]
    member _.Batch(e: ExperimentDef, n: int) = { e with Batch = Some n }

    /// Learning-rate schedule, e.g. `Schedule.Cosine`.
    [<CustomOperation("schedule")>]
    member _.Schedule(e: ExperimentDef, s: ScheduleSpec) = { e with Schedule = Some s }

    /// Training mode: `FloatTraining`, `NaiveMapping` or `hardwareAware (sigmoid 2.0 50.0)`.
    [<CustomOperation("mode")>]
    member _.Mode(e: ExperimentDef, m: Mode) = { e with Mode = Some m }

    /// Evaluate the hard deployed model over `samples` programming-noise draws.
    [<CustomOperation("deployed")>]
    member _.Deployed(e: ExperimentDef, samples: int) = { e with DeployedSamples = Some samples }

[<AutoOpen>]
module ExperimentSyntax =
    /// Starts an experiment: `experiment "rram-4bit" { data Datasets.Mnist; network [ dense 10 ] }`.
    let experiment name = ExperimentCE(name)
