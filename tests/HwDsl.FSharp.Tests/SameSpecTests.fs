/// The F# surface builds the same specs as the C# DSL, area by area.
module HwDsl.FSharp.Tests.SameSpecTests

open System
open HwDsl
open HwDsl.FSharp
open Xunit

let private ok =
    function
    | Ok spec -> spec
    | Error errors -> failwithf "%A" errors

let private csharpBasic () =
    let hw = Hardware.DifferentialPair().WeightBits(4).InputBits(4).ActivationBits(4).OnOffRatio(10.0).Asymmetry(0.1).NonLinearity(2.0).ProgrammingNoise(0.02)
    Experiment.Named("rram-4bit").Seed(7).Data(Datasets.Mnist)
        .Network(fun n -> n.Dense(256).ClippedRelu().Dense(256).ClippedRelu().Dense(10) |> ignore)
        .On(hw)
        .Train(fun t -> t.Adam(1e-3).Epochs(10).Batch(100).Schedule(Schedule.Cosine).HardwareAware(Relaxation.Sigmoid(2.0, 50.0)) |> ignore)
        .Evaluate(fun e -> e.Deployed(5) |> ignore)

let private fsharpBasic =
    experiment "rram-4bit" {
        seed 7
        data Datasets.mnist
        network (layers { dense 256; clippedRelu; dense 256; clippedRelu; dense 10 })
        on (Hw.differentialPair () |> Hw.bits 4 |> Hw.onOffRatio 10.0 |> Hw.asymmetry 0.1 |> Hw.nonLinearity 2.0 |> Hw.programmingNoise 0.02)
        adam 1e-3
        epochs 10
        batch 100
        schedule Schedule.cosine
        hardwareAware (Relaxation.sigmoid 2.0 50.0)
        deployed 5
    }

[<Fact>]
let ``the README experiment is the same spec in F# and C#`` () =
    Assert.Equal(csharpBasic().Build(), Exp.build fsharpBasic)
    Assert.Equal(csharpBasic().Build(), ok (Exp.tryBuild fsharpBasic))

[<Fact>]
let ``variants equal the C# With copies, and leave the original unchanged`` () =
    let naive = variant fsharpBasic { name "naive"; naiveMapping } |> Exp.build
    Assert.Equal(csharpBasic().WithName("naive").With(fun t -> t.NaiveMapping() |> ignore).Build(), naive)
    Assert.Equal(csharpBasic().Build(), Exp.build fsharpBasic)
    let seeds = [ 0; 1 ] |> List.map (fun s -> fsharpBasic |> Exp.withSeed s |> Exp.build)
    Assert.Equal<ExperimentSpec list>([ csharpBasic().WithSeed(0).Build(); csharpBasic().WithSeed(1).Build() ], seeds)

[<Fact>]
let ``every non-ideality, device settings and per-layer overrides`` () =
    let csharp =
        let hw =
            Hardware.DifferentialPair("nvm", "ideal").WeightBits(6).InputBits(5).ActivationBits(4).OnOffRatio(20.0).NonLinearity(1.5)
                .Asymmetry(-0.05).WeightRange(WeightRange.Fixed(0.5)).NegativeElement(fun e -> e.OnOffRatio(12.0).NonLinearity(0.5) |> ignore)
                .ProgrammingNoise(0.01).ReadNoise(0.005).DevicePreset("lab").DeviceParameter("gain", 2.0).Mapping(WeightMapping.DifferentialPair)
        Experiment.Named("all").Data(Datasets.FashionMnist)
            .Network(fun n -> n.Dense(64).ClippedRelu().Dense(32).Tanh().Dense(16).Relu().Dense(10) |> ignore)
            .On(hw, fun layers ->
                layers.First.Digital() |> ignore
                layers.[1].Device("nvm", "other").InputBits(Nullable()).ActivationBits(Nullable()).Preset(HardwarePresets.Ideal) |> ignore
                layers.[2].Analog().ReadNoise(0.02).ActivationBits(Nullable()) |> ignore
                layers.Last.WeightBits(8).Preset("ideal") |> ignore)
            .Train(fun t -> t.Sgd(0.05, 0.8).Epochs(3).Batch(32).Schedule(Schedule.Step(0.5, 2)).NaiveMapping() |> ignore)
            .Evaluate(fun e -> e.Deployed(3).At(TimeSpan.FromDays 1.0) |> ignore)
            .Build()
    let hw =
        Hw.differentialPair ("nvm", "ideal")
        |> Hw.weightBits 6 |> Hw.inputBits 5 |> Hw.activationBits 4 |> Hw.onOffRatio 20.0 |> Hw.nonLinearity 1.5
        |> Hw.asymmetry -0.05 |> Hw.weightRange (WeightRange.fixedAt 0.5)
        |> Hw.negativeElement [ Element.onOffRatio 12.0; Element.nonLinearity 0.5 ]
        |> Hw.programmingNoise 0.01 |> Hw.readNoise 0.005 |> Hw.devicePreset "lab" |> Hw.deviceParameter ("gain", 2.0)
        |> Hw.mapping WeightMapping.DifferentialPair
    let fsharp =
        experiment "all" {
            data Datasets.fashionMnist
            network (layers { dense 64; clippedRelu; dense 32; tanh; dense 16; relu; dense 10 })
            on hw
            firstLayer (Hw.digital ())
            layer 1 (Hw.device ("nvm", "other") >> Hw.floatInputs () >> Hw.floatActivations () >> Hw.preset HardwarePresets.ideal)
            layer 2 (Hw.analog () >> Hw.readNoise 0.02 >> Hw.floatActivations ())
            lastLayer (Hw.weightBits 8 >> Hw.preset "ideal")
            sgd 0.05 0.8
            epochs 3
            batch 32
            schedule (Schedule.step 0.5 2)
            naiveMapping
            deployed 3
            at (TimeSpan.FromDays 1.0)
        }
    Assert.Equal(csharp, Exp.build fsharp)

[<Fact>]
let ``single elements, all-digital hardware and presets written in F#`` () =
    let preset = HardwarePresets.create "fsharp-test" "a test, no source" (Hw.onOffRatio 12.0 >> Hw.asymmetry 0.0)
    HardwarePresets.register preset
    Assert.Equal(Some preset, HardwarePresets.find "FSHARP-TEST")
    Assert.Contains("fsharp-test", HardwarePresets.names ())
    let csharp (hw: HardwareBuilder) = Experiment.Named("x").Data(Datasets.Mnist).Network(fun n -> n.Dense(10) |> ignore).On(hw).Build()
    let fsharp hw = experiment "x" { data Datasets.mnist; network (layers { dense 10 }); on hw } |> Exp.build
    Assert.Equal(csharp (Hardware.SingleElement("nvm").Preset("fsharp-test")), fsharp (Hw.singleElement "nvm" |> Hw.preset "fsharp-test"))
    Assert.Equal(csharp (Hardware.Digital()), fsharp (Hw.allDigital ()))
    Assert.Equal(12.0, (fsharp (Hw.singleElement () |> Hw.preset preset)).Layers.[0].Positive.OnOffRatio)
    let sweep = Hw.differentialPair () |> Hw.sweep [ 2; 4 ] (fun b -> Hw.weightBits b)
    Assert.Equal<ExperimentSpec list>([ 2; 4 ] |> List.map (fun b -> csharp (Hardware.DifferentialPair().WeightBits(b))), sweep |> List.map fsharp)

[<Fact>]
let ``defects, dies, per-die and statistics-aware training`` () =
    let csharp (training: TrainingBuilder -> TrainingBuilder) =
        let hw =
            Hardware.Binary(pair = true).Defects(fun d -> d.Shorted(Dist.Beta(0.06, 0.03)).Open(0.012).StuckRandom(Dist.Fixed(0.001)) |> ignore)
                .DeviceToDevice(0.05)
        Experiment.Named("dies").Data(Datasets.Mnist).Network(fun n -> n.Dense(32).Sign().Dense(10) |> ignore).On(hw)
            .Train(fun t -> training (t.Adam(1e-2)) |> ignore)
            .Evaluate(fun e -> e.OnDies(Dies.Sample(8, 3)).AtSeconds(60.0) |> ignore)
            .Build()
    let fsharp =
        experiment "dies" {
            data Datasets.mnist
            network (layers { dense 32; sign; dense 10 })
            on (Hw.binary (pair = true)
                |> Hw.defects [ Defects.shorted (Dist.beta 0.06 0.03); Defects.opened 0.012; Defects.stuckRandom (Dist.fixedRate 0.001) ]
                |> Hw.deviceToDevice 0.05)
            adam 1e-2
            onDies (Dies.sample 8 3)
            atSeconds 60.0
        }
    Assert.Equal(csharp (fun t -> t.StatisticsAware(2)), variant fsharp { statisticsAware 2 } |> Exp.build)
    Assert.Equal(csharp (fun t -> t.PerDie(1)), variant fsharp { perDie 1 } |> Exp.build)
    let perLayer =
        Experiment.Named("b").Data(Datasets.Mnist).Network(fun n -> n.Dense(32).Sign().Dense(10) |> ignore)
            .On(Hardware.DifferentialPair(), fun l -> l.First.Binary().Defects(fun d -> d.Open(0.01) |> ignore) |> ignore)
            .Train(fun t -> t.NaiveMapping() |> ignore).Build()
    let fsharpPerLayer =
        experiment "b" {
            data Datasets.mnist
            network (layers { dense 32; sign; dense 10 })
            firstLayer (Hw.asBinary () >> Hw.defects [ Defects.opened 0.01 ])
            naiveMapping
        }
    Assert.Equal(perLayer, Exp.build fsharpPerLayer)
    Assert.Equal(Dies.Load("a.csv", "b.csv"), Dies.load [ "a.csv"; "b.csv" ])

[<Fact>]
let ``rounding methods and AdamW`` () =
    let csharp =
        Experiment.Named("r").Data(Datasets.Named("mnist", 10, 784)).Network(fun n -> n.Dense(10) |> ignore)
            .On(Hardware.DifferentialPair().WeightBits(2).WeightRange(Rounding.FittedScale))
            .Train(fun t -> t.AdamW(1e-3, 0.02).Schedule(Schedule.Constant).HardwareAware(Rounding.InTraining).Rounding(Rounding.Nearest) |> ignore)
            .Build()
    let fsharp =
        experiment "r" {
            data (Datasets.named "mnist" (Some 10) (Some 784))
            network (layers { dense 10 })
            on (Hw.differentialPair () |> Hw.weightBits 2 |> Hw.weightRange Rounding.fittedScale)
            adamW 1e-3 0.02
            schedule Schedule.constant
            hardwareAware Rounding.inTraining
            rounding Rounding.nearest
        }
    Assert.Equal(csharp, Exp.build fsharp)
    let stochastic = variant fsharp { naiveMapping; rounding Rounding.stochastic; hardwareAware Relaxation.ste } |> Exp.build
    Assert.Equal(WeightRounding.Stochastic, stochastic.Training.Rounding)
    Assert.Equal(Relaxation.Ste, stochastic.Training.Relaxation)
    Assert.Equal(TrainingBuilder.DefaultRelaxation, Relaxation.defaultRelaxation)

[<Fact>]
let ``TrueNorth-like cores`` () =
    let csharp =
        Cores.Experiment("yepes").Seed(3).Data(Datasets.Mnist)
            .Network(fun n ->
                n.Image(28, 28).Windows(16, 12).Window(0, 0, 16).Layer(50, 1).Layer(250, 5).Readout(25).AxonTypes([| 1; -1 |], false)
                    .Threshold(2).TimeSteps(4, InputEncoding.Stochastic, 0.4) |> ignore)
            .Train(fun t ->
                t.LearnedBinary().Adam(2e-3).Epochs(2).Batch(50).Smoothing(0.5).ReadoutScale(2.0).HardHiddenSpikes(false).HardOutputSpikes(false).Shift(1) |> ignore)
            .Ensembles([| 1; 4 |])
            .Build()
    let fsharp =
        cores "yepes" {
            seed 3
            data Datasets.mnist
            image 28 28
            windows 16 12
            window 0 0 16
            layer 50 1
            layer 250 5
            readout 25
            axonTypes [ 1; -1 ] false
            threshold 2
            timeSteps 4 InputEncoding.Stochastic 0.4
            learnedBinary
            adam 2e-3
            epochs 2
            batch 50
            smoothing 0.5
            readoutScale 2.0
            hardHiddenSpikes false
            hardOutputSpikes false
            shift 1
            ensembles [ 1; 4 ]
        }
    Assert.Equal(csharp, Cores.build fsharp)
    let baseline = coresVariant fsharp { name "baseline"; probabilistic; hardHiddenSpikes false } |> Cores.tryBuild
    match baseline with
    | Ok spec -> Assert.Equal(CoreTrainingMethod.Probabilistic, spec.Training.Method); Assert.Equal("baseline", spec.Name)
    | Error e -> failwithf "%A" e

[<Fact>]
let ``LeNet-5 on hardware is the same spec in F# and C#, per-layer overrides counting the convolutions`` () =
    let csharp =
        Experiment.Named("lenet").Seed(2).Data(Datasets.FashionMnist)
            .Network(fun n ->
                n.Conv2d(6, 5, padding = 2).ClippedRelu().MaxPool(2).Conv2d(16, 5).ClippedRelu().AvgPool(2)
                    .Flatten().Dense(120).ClippedRelu().Dense(84).ClippedRelu().Dense(10) |> ignore)
            .On(Hardware.DifferentialPair().WeightBits(4).ActivationBits(4).OnOffRatio(10.0).Asymmetry(0.1), fun layers ->
                layers.First.WeightBits(8) |> ignore
                layers.Last.Digital() |> ignore)
            .Build()
    let fsharp =
        experiment "lenet" {
            seed 2
            data Datasets.fashionMnist
            network (layers {
                conv2d 6 5 1 2; clippedRelu; maxPool 2; conv2d 16 5 1 0; clippedRelu; avgPool 2
                flatten; dense 120; clippedRelu; dense 84; clippedRelu; dense 10 })
            on (Hw.differentialPair () |> Hw.weightBits 4 |> Hw.activationBits 4 |> Hw.onOffRatio 10.0 |> Hw.asymmetry 0.1)
            firstLayer (Hw.weightBits 8)
            lastLayer (Hw.digital ())
        }
        |> Exp.build
    Assert.Equal(csharp, fsharp)
    Assert.Equal<int list>([ 8; 4; 4; 4 ], fsharp.Layers |> Seq.take 4 |> Seq.map (fun l -> l.WeightBits) |> List.ofSeq)
    Assert.True(fsharp.Layers.[4].Digital)
