namespace HwDsl.FSharp

open System
open System.IO
open HwDsl

/// How mistakes reach an F# user. In a script run by `dotnet fsi`, a refused spec is printed as compiler-style lines
/// (`quickstart.fsx(12): error HW0102: …`) and ends the script with exit code 1, as `hwdsl run` does for a `.csx`;
/// anywhere else it raises `SpecException` (or use `Exp.tryBuild` to get the errors as a value).
module Failures =
    /// True inside `dotnet fsi script.fsx` (not an interactive session, where exiting would end the session).
    let inScript =
        lazy
            (match Reflection.Assembly.GetEntryAssembly() with
             | null -> false
             | entry ->
                 entry.GetName().Name = "fsi"
                 && Environment.GetCommandLineArgs() |> Array.exists (fun a -> a.EndsWith(".fsx", StringComparison.OrdinalIgnoreCase)))

    /// `path` relative to the working folder when it lies below it, else as given.
    let display (path: string) =
        if String.IsNullOrEmpty path || not (Path.IsPathRooted path) then path
        else
            let relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path)
            if relative.StartsWith("..", StringComparison.Ordinal) then path else relative

    /// A mistake in the command line or the script's inputs: in a script its one line on stderr and exit code 1,
    /// elsewhere an `ArgumentException`.
    let userError (message: string) : 'T =
        if inScript.Value then
            eprintfn "%s" message
            exit 1
        else raise (ArgumentException message)

    /// One error as a compiler-style line.
    let line (e: SpecError) =
        if e.Where.HasLocation then $"{display e.File}({e.Line}): error {e.Code}: {e.Message}" else e.ToString()

    /// Runs `f`; in a script, a `SpecException` becomes its lines on stderr and exit code 1, a cancellation exit 130.
    let guard (f: unit -> 'T) : 'T =
        if not inScript.Value then f ()
        else
            try
                f ()
            with
            | :? SpecException as e ->
                for err in e.Errors do
                    eprintfn "%s" (line err)
                exit 1
            | :? OperationCanceledException ->
                eprintfn "cancelled; what was finished is in the run folders"
                exit 130

    let internal missingData (e: ExperimentDef) =
        let at = e.Name.At
        SpecException(
            [| SpecError(
                   RuleCodes.MissingData,
                   "Data",
                   "",
                   $"Experiment {Step.show e.Name.Value} has no data set; add e.g. `data Datasets.mnist`.",
                   Provenance.Explicit(at.File, at.Line)
               ) |]
        )
