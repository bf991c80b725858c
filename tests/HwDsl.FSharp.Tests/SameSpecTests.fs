module HwDsl.FSharp.Tests.SameSpecTests

open HwDsl
open HwDsl.FSharp
open Xunit

let private csharp () =
    let hw = Hardware.DifferentialPair().WeightBits(4).InputBits(4).ActivationBits(4).OnOffRatio(10.0).Asymmetry(0.1).NonLinearity(2.0).ProgrammingNoise(0.02)
    Experiment.Named("rram-4bit").Seed(7).Data(Datasets.Mnist)
        .Network(fun n -> n.Dense(256).ClippedRelu().Dense(256).ClippedRelu().Dense(10) |> ignore)
        .On(hw)
        .Train(fun t -> t.Adam(1e-3).Epochs(10).Batch(100).Schedule(Schedule.Cosine).HardwareAware(Relaxation.Sigmoid(2.0, 50.0)) |> ignore)
        .Evaluate(fun e -> e.Deployed(5) |> ignore)

let private fsharp =
    experiment "rram-4bit" {
        seed 7
        data Datasets.Mnist
        network [ dense 256; clippedRelu; dense 256; clippedRelu; dense 10 ]
        on (differentialPair |> bits 4 |> onOff 10.0 |> asymmetry 0.1 |> nonLinearity 2.0 |> programmingNoise 0.02)
        optimizer (adam 1e-3)
        epochs 10
        batch 100
        schedule Schedule.Cosine
        mode (hardwareAware (sigmoid 2.0 50.0))
        deployed 5
    }

[<Fact>]
let ``the computation expression builds the same spec as the C# DSL`` () =
    let fromCSharp = csharp().Build()
    let fromFSharp = Exp.build fsharp
    Assert.Equal(fromCSharp, fromFSharp)
    Assert.Equal(fromCSharp.DebugView().Split('[').Length, fromFSharp.DebugView().Split('[').Length)

[<Fact>]
let ``variants by record update equal the C# With copies`` () =
    let naive = fsharp |> Exp.withMode NaiveMapping |> Exp.build
    Assert.Equal(csharp().With(fun t -> t.NaiveMapping() |> ignore).Build(), naive)
    Assert.NotEqual(Exp.build fsharp, naive)

[<Fact>]
let ``hardware pipelines copy, so a shared base is never changed`` () =
    let baseHw = differentialPair |> bits 4
    let a = experiment "a" { data Datasets.Mnist; network [ dense 10 ]; on (baseHw |> onOff 10.0) } |> Exp.build
    let b = experiment "a" { data Datasets.Mnist; network [ dense 10 ]; on baseHw } |> Exp.build
    Assert.Equal(10.0, a.Layers[0].Positive.OnOffRatio)
    Assert.True(System.Double.IsPositiveInfinity b.Layers[0].Positive.OnOffRatio)

[<Fact>]
let ``DSL errors surface as SpecException with the rule code`` () =
    let bad = experiment "bad" { data Datasets.Mnist; network [ dense 10 ]; on (differentialPair |> onOff 0.5) }
    let e = Assert.Throws<SpecException>(fun () -> Exp.build bad |> ignore)
    Assert.Equal("HW0102", e.Errors[0].Code)

[<Fact>]
let ``an experiment without data says what to add`` () =
    let e = Assert.Throws<System.ArgumentException>(fun () -> experiment "nodata" { network [ dense 10 ] } |> Exp.build |> ignore)
    Assert.Contains("add e.g. `data Datasets.Mnist`", e.Message)
