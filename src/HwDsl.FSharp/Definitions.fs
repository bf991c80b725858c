namespace HwDsl.FSharp

open HwDsl

/// A value and where it was written; `%A` shows `value @ file:line`.
[<StructuredFormatDisplay("{Display}")>]
type Located<'T> =
    { Value: 'T
      At: Loc }

    /// `value @ file:line`.
    member l.Display = $"{Step.show l.Value} @ {l.At.Display}"

    override l.ToString() = l.Display

/// Which weight layer a per-layer override changes (0-based over Dense and Conv2d layers in network order).
type LayerPick =
    | FirstLayer
    | LastLayer
    | LayerAt of index: int

/// A per-layer hardware override: `lastLayer (Hw.weightBits 8)` in an experiment.
type LayerChange =
    { Layer: LayerPick
      At: Loc
      Changes: Hw }

/// An experiment as an immutable F# record, written with `experiment "name" { … }` and varied with `variant e { … }`.
/// Every value keeps the line it was written on; `Exp.build` replays them onto the C# builders, which check them all
/// and report each mistake at its line.
type ExperimentDef =
    { Name: Located<string>
      Seed: Located<int> option
      Data: Located<DatasetRef> option
      Network: Located<Step<NetworkBuilder> list> option
      Hardware: Located<Hw> option
      Layers: LayerChange list
      Training: Step<TrainingBuilder> list
      Evaluation: Step<EvaluationBuilder> list }

/// A TrueNorth-like core experiment as an F# record, written with `cores "name" { … }`.
type CoreExperimentDef =
    { Name: Located<string>
      Seed: Located<int> option
      Data: Located<DatasetRef> option
      Network: Step<CoreNetworkBuilder> list
      Training: Step<CoreTrainingBuilder> list
      Ensembles: Located<int list> option }
