/// Results are F# records that read well with `%A` and work in pipelines; definitions print as what was written.
module HwDsl.FSharp.Tests.ResultTests

open HwDsl
open HwDsl.FSharp
open Xunit

let private result name mode deployed floatAcc =
    { Name = name; Mode = mode; Seed = 0; FloatAccuracy = floatAcc; Deployed = deployed
      DeployedMean = (if List.isEmpty deployed then None else Some(List.average deployed))
      DeployedSd = (if List.length deployed < 2 then (if List.isEmpty deployed then None else Some 0.0) else Some 0.01)
      Accuracy = (if List.isEmpty deployed then floatAcc else List.average deployed)
      Epochs = [ { Epoch = 1; LearningRate = 1e-3; TrainLoss = 0.3; TrainAccuracy = 0.9; TestLoss = 0.25; TestAccuracy = floatAcc; SamplesPerSecond = 1234.0 } ]
      SamplesPerSecond = 1234.0; Completed = true; RunFolder = None
      EnergyPerInference = (if List.isEmpty deployed then None else Some 6.776e-9); LatencyPerInference = (if List.isEmpty deployed then None else Some 4.7e-8)
      Area = (if List.isEmpty deployed then None else Some 9e-8) }

[<Fact>]
let ``the table has the columns and formats of the C# result table`` () =
    let table = Exp.table [ result "f" TrainingMode.Float [] 0.9812; result "n" TrainingMode.NaiveMapping [ 0.95; 0.97 ] 0.9812 ]
    let lines = table.Split('\n')
    Assert.Equal("| experiment | mode | seed | epochs | float acc. | deployed acc. | Δ vs float (pp) | energy/inference | latency | area | samples/s | completed |", lines.[0])
    Assert.Equal("| f | Float | 0 | 1 | 98.12 % | – | – | – | – | – | 1,234 | yes |", lines.[2])
    Assert.Equal("| n | NaiveMapping | 0 | 1 | 98.12 % | 96.00 ± 1.00 % | -2.12 | 6776 pJ | 47 ns | 0.09 mm² | 1,234 | yes |", lines.[3])

[<Fact>]
let ``%A shows results as records and definitions as written`` () =
    let text = sprintf "%A" (result "f" TrainingMode.Float [] 0.98)
    Assert.Contains("Name = \"f\"", text)
    Assert.Contains("DeployedMean = None", text)
    let line = int __LINE__ + 1
    let hw = Hw.differentialPair () |> Hw.weightBits 4 |> Hw.onOffRatio 10.0
    Assert.Equal($"differentialPair () @ ResultTests.fs:{line} |> weightBits 4 @ ResultTests.fs:{line} |> onOffRatio 10.0 @ ResultTests.fs:{line}", sprintf "%A" hw)
    let e = experiment "p" { data Datasets.mnist; network (layers { dense 10 }); epochs 2 }
    let shown = sprintf "%A" e
    Assert.Contains("Name = \"p\" @ ResultTests.fs:", shown)
    Assert.Contains("[dense 10 @ ResultTests.fs:", shown)
    Assert.Contains("Training = [epochs 2 @ ResultTests.fs:", shown)

[<Fact>]
let ``results work in pipelines`` () =
    let best =
        [ result "a" TrainingMode.NaiveMapping [ 0.91 ] 0.98; result "b" TrainingMode.HardwareAware [ 0.96 ] 0.97 ]
        |> List.filter (fun r -> r.DeployedMean.IsSome)
        |> List.maxBy (fun r -> r.Accuracy)
    Assert.Equal("b", best.Name)

[<Fact>]
let ``an unknown --set name lists the parameters the script reads`` () =
    let text = "let epochs = Script.param \"epochs\" 4\nlet bits = Script.param \"bits\" 4\nlet b2 = Script.param \"bits\" 2\n"
    Assert.Equal(Some "--set epoch: q.fsx does not read this parameter with Script.param \"name\" …; it reads: bits, epochs.",
                 Script.unknownParameters "q.fsx" text [ "epoch" ])
    Assert.Equal(None, Script.unknownParameters "q.fsx" text [ "bits"; "epochs" ])
    Assert.Equal(Some "--set a, b: q.fsx does not read these parameters with Script.param \"name\" …; it reads none.",
                 Script.unknownParameters "q.fsx" "" [ "a"; "b" ])
