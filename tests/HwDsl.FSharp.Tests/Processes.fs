module HwDsl.FSharp.Tests.Processes

open System
open System.Diagnostics
open System.IO

/// The repository root (the folder with HwDsl.sln above the test assembly).
let repoRoot =
    let rec up (dir: DirectoryInfo) =
        if isNull dir then failwith "HwDsl.sln not found above the test assembly."
        elif File.Exists(Path.Combine(dir.FullName, "HwDsl.sln")) then dir.FullName
        else up dir.Parent
    up (DirectoryInfo AppContext.BaseDirectory)

/// The configuration this test assembly was built in (bin/<configuration>/net10.0).
let configuration = DirectoryInfo(Path.TrimEndingDirectorySeparator AppContext.BaseDirectory).Parent.Name

/// A fresh temporary folder.
let tempDir (name: string) =
    let dir = Path.Combine(Path.GetTempPath(), $"hwdsl-fsharp-{name}-{Guid.NewGuid():N}")
    Directory.CreateDirectory dir |> ignore
    dir

/// Runs `dotnet ARGS` in `cwd`; returns exit code, stdout, stderr. MSBuild variables of the test runner are removed.
let dotnet (cwd: string) (env: (string * string) list) (args: string list) =
    let info = ProcessStartInfo("dotnet", RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = cwd)
    for a in args do
        info.ArgumentList.Add a
    for key in [ "MSBuildSDKsPath"; "MSBuildExtensionsPath"; "MSBUILD_EXE_PATH" ] do
        info.Environment.Remove key |> ignore
    info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] <- "1"
    info.Environment["DOTNET_NOLOGO"] <- "1"
    info.Environment["MSBUILDDISABLENODEREUSE"] <- "1"
    for k, v in env do
        info.Environment[k] <- v
    use p = Process.Start info
    let out = p.StandardOutput.ReadToEndAsync()
    let err = p.StandardError.ReadToEndAsync()
    if not (p.WaitForExit(TimeSpan.FromMinutes 8.0)) then
        p.Kill true
        failwith $"""dotnet {String.concat " " args}: no exit in 8 minutes"""
    p.ExitCode, out.Result, err.Result
