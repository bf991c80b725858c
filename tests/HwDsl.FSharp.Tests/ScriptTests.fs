/// The F# user's path through `dotnet fsi`: three script runs in all (fsi starts slowly), plus one `hwdsl run`.
module HwDsl.FSharp.Tests.ScriptTests

open System.IO
open System.Text.RegularExpressions
open HwDsl.FSharp.Tests.Processes
open Xunit

[<assembly: CollectionBehavior(DisableTestParallelization = true)>]
do ()

let private fsi (cwd: string) (script: string) (args: string list) =
    dotnet cwd [ "HWDSL_RUNS", Path.Combine(cwd, "runs") ] ([ "fsi"; "--quiet"; script ] @ args)

/// The rows of a results table without the samples/s column (the one number that is not reproducible; column 11, after
/// the cost columns).
let private rows (output: string) =
    output.Split('\n')
    |> Array.filter (fun l -> l.StartsWith "| quickstart-")
    |> Array.map (fun l -> l.Split('|') |> Array.map (fun c -> c.Trim()) |> Array.removeAt 11 |> String.concat " | ")
    |> List.ofArray

[<Fact>]
let ``quickstart.fsx prints the same numbers as quickstart.csx`` () =
    let dir = tempDir "quickstart"
    let hwdsl = Path.Combine(repoRoot, "src", "HwDsl.Cli", "bin", configuration, "net10.0", "hwdsl.dll")
    let csExit, csOut, csErr =
        dotnet repoRoot [ "HWDSL_HOME", Path.Combine(dir, "home") ] [ hwdsl; "run"; "scripts/quickstart.csx"; "--quick"; "--output"; Path.Combine(dir, "csx"); "--threads"; "2" ]
    Assert.True((csExit = 0), csErr + csOut)
    let fsExit, fsOut, fsErr = fsi dir (Path.Combine(repoRoot, "scripts", "quickstart.fsx")) [ "--quick"; "--output"; Path.Combine(dir, "fsx") ]
    Assert.True((fsExit = 0), fsErr + fsOut)
    let expected = rows csOut
    Assert.Equal(3, expected.Length)
    Assert.Equal<string list>(expected, rows fsOut)
    // Progress while it trains, and the table written like the .csx writes it.
    Assert.Matches(@"epoch   1/1  lr 0\.001  loss \d\.\d{4}  train \d+\.\d\d %", fsOut)
    Assert.Contains("naive mapping of the float weights onto the hardware:", fsOut)
    Assert.Equal<string list>(rows (File.ReadAllText(Path.Combine(dir, "csx", "quickstart.md"))), rows (File.ReadAllText(Path.Combine(dir, "fsx", "quickstart.md"))))

[<Fact>]
let ``a mistake in an fsx is one located line and exit code 1`` () =
    let dir = Path.Combine(repoRoot, "tests", "HwDsl.FSharp.Tests", "Scripts")
    let exit, out, err = fsi dir "mistake.fsx" []
    Assert.Equal(1, exit)
    Assert.Equal("mistake.fsx(12): error HW0102: OnOffRatio must be greater than 1 (Gmax/Gmin), or +∞ for Gmin = 0; got 0.5.", err.Trim())
    Assert.DoesNotContain("epoch", out)
    Assert.False(Directory.Exists(Path.Combine(dir, "results")), "nothing ran, nothing was written")

[<Fact>]
let ``borders2023.fsx runs quick and writes its table`` () =
    let dir = tempDir "borders"
    let exit, out, err = fsi dir (Path.Combine(repoRoot, "scripts", "borders2023.fsx")) [ "--quick"; "--output"; Path.Combine(dir, "out") ]
    Assert.True((exit = 0), err + out)
    for mode in [ "software \(no defects\)"; "naive"; "statistics-aware \(k=1\)"; "per-die \(die 0\)" ] do
        Assert.Matches($@"\| {mode} \| \d+ \| \d+\.\d\d \| \d+\.\d\d \|", out)
    Assert.True(File.Exists(Path.Combine(dir, "out", "borders2023.md")))
    Assert.Matches(Regex(@"\| naive \| 4 \|"), out)
