namespace HwDsl.FSharp

open System
open System.Runtime.CompilerServices
open System.Runtime.InteropServices
open HwDsl
open HwDsl.Compiler
open HwDsl.Experiments

/// Building, varying, running and showing experiments written with `experiment "name" { … }`.
[<AbstractClass; Sealed>]
type Exp =
    /// The C# builder `e` describes (every value replayed with its line), e.g. for `DieComparison.Run`.
    static member toBuilder(e: ExperimentDef) : ExperimentBuilder =
        let name = e.Name
        let start = Experiment.Named(name.Value, name.At.File, name.At.Line)
        let start = match e.Seed with Some s -> start.Seed(s.Value, s.At.File, s.At.Line) | None -> start
        let data = match e.Data with Some d -> d | None -> raise (Failures.missingData e)
        // Without `network` the C# rules report the empty network (HW0200) at the experiment's line.
        let network = e.Network |> Option.defaultValue { Value = []; At = name.At }
        let b =
            start.Data(data.Value, data.At.File, data.At.Line)
                 .Network((fun n -> Step.replay n network.Value), network.At.File, network.At.Line)
        let b =
            match e.Hardware, e.Layers with
            | None, [] -> b
            | hardware, layers ->
                let hw, at =
                    match hardware with
                    | Some h -> h.Value.ToBuilder(), h.At
                    | None -> Hardware.DifferentialPair(), layers.Head.At   // C#'s default hardware, overridden per layer
                let pick (selector: LayerSelector) (change: LayerChange) : HardwareScope =
                    match change.Layer with
                    | FirstLayer -> selector.First
                    | LastLayer -> selector.Last
                    | LayerAt i -> selector.Item(i, change.At.File, change.At.Line)
                b.On(hw, Action<LayerSelector>(fun sel -> for l in layers do Step.replay (pick sel l) l.Changes.Steps), at.File, at.Line)
        b.Train(fun t -> Step.replay t e.Training).Evaluate(fun ev -> Step.replay ev e.Evaluation)

    /// The validated, frozen spec (the same `ExperimentSpec` the C# DSL builds). A mistake raises `SpecException`
    /// listing every error; in a `dotnet fsi` script it prints them as `file.fsx(line): error HWxxxx: …` and exits 1.
    static member build(e: ExperimentDef) : ExperimentSpec = Failures.guard (fun () -> (Exp.toBuilder e).Build())

    /// The spec, or every error found.
    static member tryBuild(e: ExperimentDef) : Result<ExperimentSpec, SpecError list> =
        try
            Ok((Exp.toBuilder e).Build())
        with :? SpecException as x ->
            Error(List.ofSeq x.Errors)

    /// The spec with where each value came from (file:line, preset, default).
    static member debugView(e: ExperimentDef) : string = (Exp.build e).DebugView()

    /// A copy under another name (C# `WithName`).
    static member withName(name: string, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                           [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : ExperimentDef -> ExperimentDef =
        fun e -> { e with Name = { Value = name; At = { File = file; Line = line } } }

    /// A copy with another seed (C# `WithSeed`), e.g. `[ 0; 1; 2 ] |> List.map (fun s -> e |> Exp.withSeed s)`.
    static member withSeed(seed: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                           [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : ExperimentDef -> ExperimentDef =
        fun e -> { e with Seed = Some { Value = seed; At = { File = file; Line = line } } }

    /// Runs `e` with `options` (pool, observer, data, devices, run root, cancellation).
    static member runWith (options: ExperimentOptions) (e: ExperimentDef) : RunResult =
        Failures.guard (fun () -> ExperimentRunner.Run(Exp.build e, options) |> Results.ofCSharp)

    /// Runs `e` with default options (all cores, data from the cache, run folder under runs/).
    static member run(e: ExperimentDef) : RunResult = Exp.runWith (ExperimentOptions()) e

    /// Runs `e` and keeps the trained network, for `Exp.transfer` and `Exp.fineTune`.
    static member train (options: ExperimentOptions) (e: ExperimentDef) : Trained =
        Failures.guard (fun () ->
            let mutable network = Unchecked.defaultof<CompiledNetwork>
            let r = ExperimentRunner.Run(Exp.build e, options, &network)
            Trained(network, r.Training, Results.ofCSharp r))

    /// Deploys `trained`'s weights on `e`'s hardware without retraining (naive mapping of float-trained weights).
    static member transfer (options: ExperimentOptions) (trained: Trained) (e: ExperimentDef) : RunResult =
        Failures.guard (fun () -> ExperimentRunner.Transfer(Exp.build e, trained.Network, trained.Training, options) |> Results.ofCSharp)

    /// Trains `e` starting from `trained`'s weights (e.g. a float network fine-tuned with rounding in the loop).
    static member fineTune (options: ExperimentOptions) (trained: Trained) (e: ExperimentDef) : RunResult =
        Failures.guard (fun () -> ExperimentRunner.FineTune(Exp.build e, trained.Network, options) |> Results.ofCSharp)

    /// Results as the Markdown table `hwdsl run` scripts print.
    static member table(results: RunResult seq) : string = Results.markdown results

    /// Prints the results table.
    static member print(results: RunResult seq) : unit = printf "%s" (Results.markdown results)

/// Building and running core experiments written with `cores "name" { … }` (`HwDsl.Cores` holds the C# entry point).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Cores =
    /// The C# builder `e` describes.
    let toBuilder (e: CoreExperimentDef) : CoreExperimentBuilder =
        let b = HwDsl.Cores.Experiment(e.Name.Value, e.Name.At.File, e.Name.At.Line)
        e.Seed |> Option.iter (fun s -> b.Seed(s.Value, s.At.File, s.At.Line) |> ignore)
        e.Data |> Option.iter (fun d -> b.Data(d.Value, d.At.File, d.At.Line) |> ignore)
        match e.Network with
        | [] -> () // the C# rules report the missing network (HW0610)
        | first :: _ -> b.Network((fun n -> Step.replay n e.Network), first.At.File, first.At.Line) |> ignore
        e.Ensembles |> Option.iter (fun s -> b.Ensembles(Array.ofList s.Value, s.At.File, s.At.Line) |> ignore)
        b.Train(fun t -> Step.replay t e.Training)

    /// The validated spec; mistakes as for `Exp.build`.
    let build (e: CoreExperimentDef) : CoreExperimentSpec = Failures.guard (fun () -> (toBuilder e).Build())

    /// The spec, or every error found.
    let tryBuild (e: CoreExperimentDef) : Result<CoreExperimentSpec, SpecError list> =
        try
            Ok((toBuilder e).Build())
        with :? SpecException as x ->
            Error(List.ofSeq x.Errors)

    /// Trains, deploys and evaluates every ensemble size.
    let runWith (options: ExperimentOptions) (e: CoreExperimentDef) : CoreRunResult =
        Failures.guard (fun () -> CoreExperimentRunner.Run(build e, options) |> Results.ofCores)

    /// As `runWith` with default options.
    let run (e: CoreExperimentDef) = runWith (ExperimentOptions()) e
