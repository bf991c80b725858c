namespace HwDsl.FSharp

open HwDsl
open HwDsl.Compiler
open HwDsl.Experiments

/// Building, running and showing experiments.
module Exp =
    /// Validates `e` into the same `ExperimentSpec` the C# DSL builds (raises `SpecException` listing every error).
    let toBuilder (e: ExperimentDef) : ExperimentBuilder =
        let data =
            match e.Data with
            | Some d -> d
            | None -> invalidArg "data" $"experiment '{e.Name}': no data set; add e.g. `data Datasets.Mnist`."
        let start = Experiment.Named(e.Name, "", 0)
        let withSeed = match e.Seed with Some s -> start.Seed(s, "", 0) | None -> start
        let b = withSeed.Data(data, "", 0).Network((fun n -> Layers.apply e.Layers n), "", 0)
        let b = match e.Hardware with Some hw -> b.On(hw, null, "", 0) | None -> b
        b.Train(fun t ->
            match e.Optimizer with
            | Some (Adam lr) -> t.Adam(lr, "", 0) |> ignore
            | Some (AdamW (lr, wd)) -> t.AdamW(lr, wd, "", 0) |> ignore
            | Some (Sgd (lr, m)) -> t.Sgd(lr, m, "", 0) |> ignore
            | None -> ()
            e.Epochs |> Option.iter (fun n -> t.Epochs(n, "", 0) |> ignore)
            e.Batch |> Option.iter (fun n -> t.Batch(n, "", 0) |> ignore)
            e.Schedule |> Option.iter (fun s -> t.Schedule(s, "", 0) |> ignore)
            match e.Mode with
            | Some FloatTraining -> t.Float("", 0) |> ignore
            | Some NaiveMapping -> t.NaiveMapping("", 0) |> ignore
            | Some (HardwareAware r) -> t.HardwareAware(r, "", 0) |> ignore
            | None -> ())
         .Evaluate(fun ev -> e.DeployedSamples |> Option.iter (fun n -> ev.Deployed(n, "", 0) |> ignore))

    /// The validated, frozen spec.
    let build (e: ExperimentDef) : ExperimentSpec = (toBuilder e).Build()

    /// A copy in another training mode (e.g. the float baseline of a hardware-aware experiment).
    let withMode (m: Mode) (e: ExperimentDef) = { e with Mode = Some m }

    /// A copy under another name (its own run folder).
    let named (name: string) (e: ExperimentDef) = { e with Name = name }

    /// Runs `e` with `options` (pool, observer, data, run root, cancellation).
    let runWith (options: ExperimentOptions) (e: ExperimentDef) : ExperimentResult = ExperimentRunner.Run(build e, options)

    /// Runs `e` with default options (all cores, data from the cache, run folder under runs/).
    let run (e: ExperimentDef) = runWith (ExperimentOptions()) e

    /// Results as a Markdown table (the one `hwdsl run` scripts print).
    let table (results: ExperimentResult seq) = ResultTable.Markdown results

    /// Prints the results table.
    let print (results: ExperimentResult seq) = printf "%s" (table results)
