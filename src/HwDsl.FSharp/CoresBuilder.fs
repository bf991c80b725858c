namespace HwDsl.FSharp

open System.Runtime.CompilerServices
open System.Runtime.InteropServices
open HwDsl

/// The operations of `cores "name" { … }` (TrueNorth-like cores, Jimeno Yepes & Tang 2016): the network of cores and
/// its training, one line per setting; each operation records its line. Checked at build (HW06xx).
type CoresCE internal (start: CoreExperimentDef) =
    static let at file line = { File = file; Line = line }
    static let net (e: CoreExperimentDef) call file line (apply: CoreNetworkBuilder -> Loc -> unit) =
        { e with Network = e.Network @ [ Step.make call file line apply ] }
    static let train (e: CoreExperimentDef) call file line (apply: CoreTrainingBuilder -> Loc -> unit) =
        { e with Training = e.Training @ [ Step.make call file line apply ] }

    member _.Yield(()) = start

    /// Another name (C# `WithName`).
    [<CustomOperation("name")>]
    member _.Name(e: CoreExperimentDef, name: string, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        { e with Name = { Value = name; At = at file line } }

    /// Seed of the first network. Default 0.
    [<CustomOperation("seed")>]
    member _.Seed(e: CoreExperimentDef, seed: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        { e with Seed = Some { Value = seed; At = at file line } }

    /// The data set (required, HW0610).
    [<CustomOperation("data")>]
    member _.Data(e: CoreExperimentDef, data: DatasetRef, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        { e with Data = Some { Value = data; At = at file line } }

    /// Ensemble sizes to evaluate, each ≥ 1 (HW0613), e.g. `ensembles [ 1; 4; 16 ]`.
    [<CustomOperation("ensembles")>]
    member _.Ensembles(e: CoreExperimentDef, sizes: int list, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                       [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        { e with Ensembles = Some { Value = sizes; At = at file line } }

    // ---- the network of cores ----

    /// Input image size (HW0601).
    [<CustomOperation("image")>]
    member _.Image(e: CoreExperimentDef, width: int, height: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        net e $"image {width} {height}" file line (fun n at -> n.Image(width, height, at.File, at.Line) |> ignore)

    /// A grid of square windows of `size`² pixels, `stride` apart (HW0602).
    [<CustomOperation("windows")>]
    member _.Windows(e: CoreExperimentDef, size: int, stride: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                     [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        net e $"windows {size} {stride}" file line (fun n at -> n.Windows(size, stride, at.File, at.Line) |> ignore)

    /// One window at column `x`, row `y` (HW0602).
    [<CustomOperation("window")>]
    member _.Window(e: CoreExperimentDef, x: int, y: int, size: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                    [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        net e $"window {x} {y} {size}" file line (fun n at -> n.Window(x, y, size, at.File, at.Line) |> ignore)

    /// A layer of cores with `neurons` neurons each, taking `fanIn` sources of the layer below (HW0603–HW0605).
    [<CustomOperation("layer")>]
    member _.Layer(e: CoreExperimentDef, neurons: int, fanIn: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        net e $"layer {neurons} {fanIn}" file line (fun n at -> n.Layer(neurons, fanIn, at.File, at.Line) |> ignore)

    /// Class-sum readout: `perClass` neurons of the last layer per class (HW0606).
    [<CustomOperation("readout")>]
    member _.Readout(e: CoreExperimentDef, perClass: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                     [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        net e $"readout {perClass}" file line (fun n at -> n.Readout(perClass, at.File, at.Line) |> ignore)

    /// Axon-type weights s[g] (HW0607), rotated from neuron to neuron when `rotatePerNeuron`.
    [<CustomOperation("axonTypes")>]
    member _.AxonTypes(e: CoreExperimentDef, weights: int list, rotatePerNeuron: bool,
                       [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                       [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        net e $"axonTypes %A{weights} {rotatePerNeuron}" file line
            (fun n at -> n.AxonTypes(Array.ofList weights, rotatePerNeuron, at.File, at.Line) |> ignore)

    /// The neurons' integer threshold θ, 1..255 (HW0608).
    [<CustomOperation("threshold")>]
    member _.Threshold(e: CoreExperimentDef, threshold: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                       [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        net e $"threshold {threshold}" file line (fun n at -> n.Threshold(threshold, at.File, at.Line) |> ignore)

    /// Ticks per image and how pixels become spikes (HW0609), e.g. `timeSteps 4 InputEncoding.Stochastic 0.5`.
    [<CustomOperation("timeSteps")>]
    member _.TimeSteps(e: CoreExperimentDef, ticks: int, encoding: InputEncoding, pixelThreshold: float,
                       [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                       [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        net e $"timeSteps {ticks} {encoding} {Step.show pixelThreshold}" file line
            (fun n at -> n.TimeSteps(ticks, encoding, pixelThreshold, at.File, at.Line) |> ignore)

    // ---- training ----

    /// The probabilistic baseline (Esser et al. 2015).
    [<CustomOperation("probabilistic")>]
    member _.Probabilistic(e: CoreExperimentDef, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                           [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e "probabilistic" file line (fun t at -> t.Probabilistic(at.File, at.Line) |> ignore)

    /// Learned binary crossbars (Jimeno Yepes & Tang 2016; the default).
    [<CustomOperation("learnedBinary")>]
    member _.LearnedBinary(e: CoreExperimentDef, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                           [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e "learnedBinary" file line (fun t at -> t.LearnedBinary(at.File, at.Line) |> ignore)

    /// Adam with learning rate `lr` (HW0611).
    [<CustomOperation("adam")>]
    member _.Adam(e: CoreExperimentDef, lr: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"adam {Step.show lr}" file line (fun t at -> t.Adam(lr, at.File, at.Line) |> ignore)

    /// AdamW: Adam with decoupled weight decay (HW0611, HW0303).
    [<CustomOperation("adamW")>]
    member _.AdamW(e: CoreExperimentDef, lr: float, weightDecay: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"adamW {Step.show lr} {Step.show weightDecay}" file line (fun t at -> t.AdamW(lr, weightDecay, at.File, at.Line) |> ignore)

    /// SGD with momentum in [0, 1) (HW0611, HW0302).
    [<CustomOperation("sgd")>]
    member _.Sgd(e: CoreExperimentDef, lr: float, momentum: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                 [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"sgd {Step.show lr} {Step.show momentum}" file line (fun t at -> t.Sgd(lr, momentum, at.File, at.Line) |> ignore)

    /// Learning-rate schedule: `Schedule.cosine` (default), `Schedule.constant`, `Schedule.step 0.5 3` (HW0306).
    [<CustomOperation("schedule")>]
    member _.Schedule(e: CoreExperimentDef, schedule: ScheduleSpec, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                      [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"schedule {schedule}" file line (fun t at -> t.Schedule(schedule, at.File, at.Line) |> ignore)

    /// Epochs (HW0611).
    [<CustomOperation("epochs")>]
    member _.Epochs(e: CoreExperimentDef, epochs: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                    [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"epochs {epochs}" file line (fun t at -> t.Epochs(epochs, at.File, at.Line) |> ignore)

    /// Mini-batch size (HW0611).
    [<CustomOperation("batch")>]
    member _.Batch(e: CoreExperimentDef, batch: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"batch {batch}" file line (fun t at -> t.Batch(batch, at.File, at.Line) |> ignore)

    /// σ₀ of the Gaussian spike approximation (HW0612).
    [<CustomOperation("smoothing")>]
    member _.Smoothing(e: CoreExperimentDef, sigma: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                       [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"smoothing {Step.show sigma}" file line (fun t at -> t.Smoothing(sigma, at.File, at.Line) |> ignore)

    /// Logit scale of the class sums in training (HW0612).
    [<CustomOperation("readoutScale")>]
    member _.ReadoutScale(e: CoreExperimentDef, scale: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                          [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"readoutScale {Step.show scale}" file line (fun t at -> t.ReadoutScale(scale, at.File, at.Line) |> ignore)

    /// Hard hidden spikes in the forward pass (HW0612).
    [<CustomOperation("hardHiddenSpikes")>]
    member _.HardHiddenSpikes(e: CoreExperimentDef, hard: bool, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                              [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"hardHiddenSpikes {hard}" file line (fun t at -> t.HardHiddenSpikes(hard, at.File, at.Line) |> ignore)

    /// Hard output spikes in the forward pass (HW0612).
    [<CustomOperation("hardOutputSpikes")>]
    member _.HardOutputSpikes(e: CoreExperimentDef, hard: bool, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                              [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"hardOutputSpikes {hard}" file line (fun t at -> t.HardOutputSpikes(hard, at.File, at.Line) |> ignore)

    /// Random shifts of training images by up to `pixels` (HW0611).
    [<CustomOperation("shift")>]
    member _.Shift(e: CoreExperimentDef, pixels: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        train e $"shift {pixels}" file line (fun t at -> t.Shift(pixels, at.File, at.Line) |> ignore)

/// Starts a core experiment: `cores "yepes" { data Datasets.mnist; windows 16 12; layer 64 1; readout 25; learnedBinary }`.
[<Sealed>]
type cores(name: string, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
           [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
    inherit
        CoresCE(
            { Name = { Value = name; At = { File = file; Line = line } }
              Seed = None
              Data = None
              Network = []
              Training = []
              Ensembles = None }
        )

/// A copy of a core experiment with more settings: `coresVariant baseline { name "learned"; learnedBinary }` (C# `With`).
[<Sealed>]
type coresVariant(from: CoreExperimentDef) =
    inherit CoresCE(from)
