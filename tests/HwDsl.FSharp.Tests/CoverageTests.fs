module HwDsl.FSharp.Tests.CoverageTests

open Xunit
open HwDsl.FSharp.Tests.Coverage

[<Fact>]
let ``every member of the C# vocabulary has an F# counterpart`` () =
    let found = problems (csharpVocabulary ()) homes aliases exclusions
    Assert.True(found.IsEmpty, "The F# surface and the C# DSL disagree:\n  - " + String.concat "\n  - " found)

[<Fact>]
let ``the check sees the vocabulary it must cover`` () =
    let vocabulary = csharpVocabulary () |> Set.ofList
    for expected in
        [ "HardwareScope", "OnOffRatio"; "HardwareScope", "Defects"; "NetworkBuilder", "Dense"; "LayerSelector", "Item"
          "TrainingBuilder", "StatisticsAware"; "EvaluationBuilder", "At"; "EvaluationBuilder", "OnDies"; "Relaxation", "Sigmoid"
          "WeightRange", "Fixed"; "Dies", "Sample"; "CoreNetworkBuilder", "TimeSteps"; "Cores", "Experiment" ] do
        Assert.Contains(expected, vocabulary)

[<Fact>]
let ``a C# member without counterpart, a new C# type and a stale entry are each named`` () =
    let vocabulary = [ "NetworkBuilder", "Dense"; "NetworkBuilder", "Conv3d"; "TileBuilder", "Columns" ]
    let found = problems vocabulary homes aliases (Map.ofList [ "NetworkBuilder.Pool", "gone" ])
    Assert.Contains("NetworkBuilder.Conv3d has no F# counterpart: add `conv3d` to the operations of `layers { }` (src/HwDsl.FSharp/Network.fs), or an alias or exclusion in Coverage.fs", found)
    Assert.Contains(found, fun p -> p.StartsWith "TileBuilder.Columns has no F# counterpart: C# type TileBuilder is new to the F# surface")
    Assert.Contains("NetworkBuilder.Pool is named in Coverage.fs but the C# DSL has no such member: remove it", found)
    Assert.DoesNotContain(found, fun p -> p.StartsWith "NetworkBuilder.Dense")
