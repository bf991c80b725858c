/// The F# device template as a third party uses it: `dotnet new` (in a private template hive), built out of tree
/// against the contract this test loads, dropped into a plugin folder, loaded by the host and used by an F# experiment.
module HwDsl.FSharp.Tests.TemplateTests

open System
open System.IO
open HwDsl
open HwDsl.Compiler
open HwDsl.FSharp
open HwDsl.Plugins
open HwDsl.FSharp.Tests.Processes
open Xunit

let private run cwd args =
    let exit, out, err = dotnet cwd [] args
    Assert.True((exit = 0), $"""dotnet {String.concat " " args} failed ({exit}):{out}{err}""")

[<Fact>]
let ``the F# device template builds out of tree, drops in, loads and is used by an experiment`` () =
    let root = tempDir "template"
    try
        let hive = Path.Combine(root, "hive")
        let contracts = Path.Combine(AppContext.BaseDirectory, "HwDsl.Contracts.dll")
        run root [ "new"; "install"; Path.Combine(repoRoot, "templates", "hwdsl-device-fsharp"); "--debug:custom-hive"; hive ]
        run root [ "new"; "hwdsl-device-fsharp"; "-n"; "Spin"; "-o"; "src/Spin"; "--deviceName"; "spin"; "--contracts"; contracts
                   "--debug:custom-hive"; hive ]
        Assert.True(File.Exists(Path.Combine(root, "src", "Spin", "SpinModel.fs")))
        run root [ "build"; "src/Spin"; "-c"; "Release"; "-o"; "out/Spin"; "-p:NuGetAudit=false"; "--disable-build-servers" ]
        Assert.False(File.Exists(Path.Combine(root, "out", "Spin", "HwDsl.Contracts.dll")), "the host supplies the contract")

        // Dropped into a plugin root as a user would copy it.
        let plugins = Path.Combine(root, "plugins")
        let folder = Path.Combine(plugins, "Spin")
        for file in Directory.GetFiles(Path.Combine(root, "out", "Spin"), "*", SearchOption.AllDirectories) do
            let target = Path.Combine(folder, Path.GetRelativePath(Path.Combine(root, "out", "Spin"), file))
            Directory.CreateDirectory(Path.GetDirectoryName target) |> ignore
            File.Copy(file, target)
        use host = PluginHost.Start(PluginHostOptions(UseDefaultLocations = false, Folders = [| plugins |]))
        Assert.Empty(host.Report.Diagnostics)
        Assert.Contains("spin", host.Catalog.Names)

        // Used: an F# experiment on the plugin's device and preset compiles to the plugin's levels.
        let e =
            experiment "template" {
                data Datasets.mnist
                network (layers { dense 10 })
                on (Hw.differentialPair "spin" |> Hw.devicePreset "noisy" |> Hw.weightBits 2 |> Hw.onOffRatio 10.0)
                floatTraining
            }
        let levels = (NetworkCompiler.Compile(Exp.build e, 4, 10, host.Catalog).HardwareLayers |> Seq.exactlyOne).Levels
        Assert.Equal("spin", levels.DeviceName)
        Assert.True(levels.HasIntrinsicNoise)   // the preset's programming σ
        // The template's curve is linear: g(u) = Gmin + (Gmax − Gmin)·u, so the top level is Gmax = 1.
        Assert.Equal(1.0, levels.PositiveConductance(levels.Count - 1), 12)
        Assert.Equal(0.1, levels.PositiveConductance 0, 12)
    finally
        try Directory.Delete(root, true) with _ -> ()
