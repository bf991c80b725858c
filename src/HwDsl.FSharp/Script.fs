namespace HwDsl.FSharp

open System
open System.Collections.Concurrent
open System.Globalization
open System.IO
open System.Threading
open HwDsl
open HwDsl.Compiler
open HwDsl.Experiments
open HwDsl.Data
open HwDsl.Plugins
open HwDsl.Training

/// Progress as plain lines, one per epoch (what `hwdsl run` prints when its output is piped).
type internal ProgressLines() =
    interface ITrainingObserver with
        member _.OnBatch(_, _, _, _) = ()

        member _.OnEpoch(m) =
            Console.WriteLine(
                String.Format(
                    CultureInfo.InvariantCulture,
                    "epoch {0,3}/{1}  lr {2:G3}  loss {3:F4}  train {4:P2}  test {5:P2} (loss {6:F4})  {7:N0} samples/s  ETA {8:mm\\:ss}",
                    m.Epoch + 1, m.Epochs, m.LearningRate, m.TrainLoss, m.TrainAccuracy, m.TestAccuracy, m.TestLoss,
                    m.SamplesPerSecond, m.Remaining
                )
            )

/// What a `.csx` script gets as globals, for `dotnet fsi script.fsx [--quick] [--set name=value] [--output DIR]`:
/// the arguments, quick mode, the results folder, `--set` parameters, Ctrl-C, progress lines, the device plugins
/// (beside HwDsl.FSharp.dll and in $HWDSL_PLUGINS), and `run`/`train`/`transfer` with all of that.
module Script =
    /// The script's own arguments (everything after the .fsx on the command line).
    let args =
        Environment.GetCommandLineArgs()
        |> Array.skipWhile (fun a -> not (a.EndsWith(".fsx", StringComparison.OrdinalIgnoreCase)))
        |> fun a -> if a.Length = 0 then [] else List.ofArray a.[1..]

    /// The script's path, or "" outside a script.
    let path =
        Environment.GetCommandLineArgs()
        |> Array.tryFind (fun a -> a.EndsWith(".fsx", StringComparison.OrdinalIgnoreCase))
        |> Option.defaultValue ""

    /// `--quick`: the small subset `hwdsl run --quick` uses (`QuickData.Subset`), seconds instead of minutes.
    let quick = args |> List.contains "--quick"

    let private valueOf (flag: string) =
        args |> List.pairwise |> List.filter (fun (a, _) -> a = flag) |> List.map snd

    /// The `--set` names `scriptText` does not read with a literal `Script.param "name"`, as the one-line error
    /// `hwdsl run` gives for a `.csx`; None when every name is read.
    let internal unknownParameters (scriptName: string) (scriptText: string) (given: string seq) =
        let reads =
            Text.RegularExpressions.Regex.Matches(scriptText, "Script\\.param\\s*\\(?\\s*\"([^\"]+)\"")
            |> Seq.map (fun m -> m.Groups.[1].Value)
            |> Seq.distinct
            |> Seq.sort
            |> List.ofSeq
        match given |> Seq.filter (fun g -> not (List.contains g reads)) |> List.ofSeq with
        | [] -> None
        | unknown ->
            let these = if unknown.Length = 1 then "this parameter" else "these parameters"
            let known = if reads.IsEmpty then "it reads none" else "it reads: " + String.concat ", " reads
            Some $"""--set {String.concat ", " unknown}: {scriptName} does not read {these} with Script.param "name" …; {known}."""

    let private sets =
        let given =
            valueOf "--set"
            |> List.map (fun s ->
                match s.IndexOf '=' with
                | i when i > 0 -> s.[.. i - 1].Trim(), s.[i + 1 ..]
                | _ -> Failures.userError $"--set {s}: expected name=value.")
            |> Map.ofList
        if Failures.inScript.Value && File.Exists path then
            match unknownParameters (Failures.display (Path.GetFullPath path)) (File.ReadAllText path) given.Keys with
            | Some message -> Failures.userError message
            | None -> ()
        given

    let private convert (name: string) (text: string) : 'T =
        let fail () = Failures.userError $"--set {name}={text}: expected a {typeof<'T>.Name}." 
        let one (t: Type) (s: string) = try Convert.ChangeType(s.Trim(), t, CultureInfo.InvariantCulture) with _ -> fail ()
        let t = typeof<'T>
        if t.IsArray then
            let parts =
                match text.Split("..") with
                | [| a; b |] when t = typeof<int[]> -> [| for i in int a .. int b -> string i |]
                | _ -> text.Split(',')
            let values = Array.CreateInstance(t.GetElementType(), parts.Length)
            parts |> Array.iteri (fun i p -> values.SetValue(one (t.GetElementType()) p, i))
            unbox<'T> values
        else unbox<'T> (one t text)

    /// The value of `--set name=value` (ints, floats, strings, bools, and arrays as `1,2,4` or `0..2`), else `fallback`.
    let param (name: string) (fallback: 'T) : 'T =
        match sets.TryFind name with
        | Some text -> convert name text
        | None -> fallback

    /// This run's results folder (`--output DIR`, default results/<script>); created when something is written.
    let output =
        match valueOf "--output" with
        | dir :: _ -> Path.GetFullPath dir
        | [] -> Path.GetFullPath(Path.Combine("results", Path.GetFileNameWithoutExtension(if path = "" then "fsi" else path)))

    let private cancellation =
        lazy
            (let source = new CancellationTokenSource()
             Console.CancelKeyPress.Add(fun e ->
                 e.Cancel <- true
                 source.Cancel())
             source)

    /// Cancelled by Ctrl-C: training stops between mini-batches and what was written stays.
    let cancel () = cancellation.Value.Token

    let private plugins =
        lazy
            (let here = Path.GetDirectoryName(typeof<Hw>.Assembly.Location)
             let host = PluginHost.Start(PluginHostOptions(HostDirectory = here))
             for d in host.Report.Diagnostics do
                 eprintfn "%O" d
             host)

    /// The device models experiments can name: built-in `nvm` and the plugins found.
    let devices () = plugins.Value.Catalog

    /// Pool, progress lines, devices, cancellation and run root (`output`/runs).
    let options () =
        ExperimentOptions(
            Observer = TrainingProgress.ForConsole(),
            Cancel = cancel (),
            RunRoot =
                (match Environment.GetEnvironmentVariable "HWDSL_RUNS" with
                 | null
                 | "" -> Path.Combine(output, "runs")
                 | runs -> runs),
            SmokeTest = quick,
            Devices = devices (),
            Log = Action<string>(fun line -> Console.WriteLine line)
        )

    let private loaded = ConcurrentDictionary<string, Dataset>(StringComparer.OrdinalIgnoreCase)

    /// The data set, loaded once; the quick subset with `--quick`.
    let data (d: DatasetRef) =
        loaded.GetOrAdd(
            d.Name,
            fun name ->
                let full = (options ()).LoadData(name)
                if quick then QuickData.Subset full else full
        )

    /// `options ()` with the experiment's data set loaded (the quick subset with `--quick`).
    let optionsFor (e: ExperimentDef) =
        let o = options ()
        match e.Data with
        | Some d -> ExperimentOptions(Observer = o.Observer, Cancel = o.Cancel, RunRoot = o.RunRoot, SmokeTest = o.SmokeTest, Devices = o.Devices, Log = o.Log, Data = data d.Value)
        | None -> o

    let private checkCancel () =
        if (cancel ()).IsCancellationRequested then Failures.guard (fun () -> raise (OperationCanceledException()))

    /// Runs `e` with the script's options, printing progress.
    let run (e: ExperimentDef) =
        Exp.build e |> ignore   // refuse a bad spec before loading any data
        let r = Exp.runWith (optionsFor e) e
        checkCancel ()
        r

    /// Runs `e` and keeps its trained network (for `transfer`).
    let train (e: ExperimentDef) =
        Exp.build e |> ignore
        let t = Exp.train (optionsFor e) e
        checkCancel ()
        t

    /// Deploys `trained`'s weights on `e`'s hardware without retraining.
    let transfer (trained: Trained) (e: ExperimentDef) =
        Exp.build e |> ignore
        Exp.transfer (optionsFor e) trained e

    /// Runs a core experiment with the script's options.
    let runCores (e: CoreExperimentDef) =
        Cores.build e |> ignore
        let o = options ()
        let o =
            match e.Data with
            | Some d -> ExperimentOptions(Observer = o.Observer, Cancel = o.Cancel, RunRoot = o.RunRoot, SmokeTest = o.SmokeTest, Devices = o.Devices, Log = o.Log, Data = data d.Value)
            | None -> o
        Cores.runWith o e

    /// Writes `text` to `fileName` in `output` atomically; returns the path.
    let save (fileName: string) (text: string) =
        let path = Path.Combine(output, fileName)
        Directory.CreateDirectory(Path.GetDirectoryName path) |> ignore
        RunFolder.WriteAtomic(path, text)
        path
