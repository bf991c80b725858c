// Quickstart in F#: float vs 4-bit hardware-aware MLP on MNIST, the same experiment as quickstart.csx.
//   dotnet build src/HwDsl.FSharp -c Release && dotnet fsi scripts/quickstart.fsx [--quick]
#r "../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.Dsl.dll"
#r "../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.Contracts.dll"
#r "../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.Data.dll"
#r "../src/HwDsl.FSharp/bin/Release/net10.0/System.Numerics.Tensors.dll"
#r "../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.Kernels.dll"
#r "../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.Training.dll"
#r "../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.Autodiff.dll"
#r "../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.Compiler.dll"
#r "../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.Experiments.dll"
#r "../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.FSharp.dll"

open System.IO
open HwDsl
open HwDsl.Compiler
open HwDsl.Experiments
open HwDsl.Data
open HwDsl.FSharp

let args = fsi.CommandLineArgs |> Array.skip 1
let quick = args |> Array.contains "--quick"
let output = Path.GetFullPath(Path.Combine("results", "quickstart-fsx"))

let hw = differentialPair |> bits 4 |> onOff 10.0 |> asymmetry 0.1 |> nonLinearity 2.0

let aware =
    experiment "quickstart-fsx-hw-aware" {
        data Datasets.Mnist
        network [ dense 256; clippedRelu; dense 256; clippedRelu; dense 10 ]
        on hw
        optimizer (adam 1e-3)
        epochs (if quick then 1 else 4)
        batch 100
        schedule Schedule.Cosine
        mode (hardwareAware (sigmoid 2.0 50.0))
    }

// --quick trains on the same small subset `hwdsl run --quick` uses.
let data = DatasetStore().Load("mnist")
let options =
    ExperimentOptions(RunRoot = Path.Combine(output, "runs"),
                      Data = (if quick then QuickData.Subset data else data))

let results =
    [ aware |> Exp.named "quickstart-fsx-float" |> Exp.withMode FloatTraining
      aware ]
    |> List.map (Exp.runWith options)

Directory.CreateDirectory output |> ignore
File.WriteAllText(Path.Combine(output, "quickstart.md"), Exp.table results)
Exp.print results
