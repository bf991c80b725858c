namespace HwDsl.FSharp

open System
open System.Globalization
open HwDsl
open HwDsl.Compiler
open HwDsl.Experiments
open HwDsl.Training

/// One training epoch as recorded (1-based `Epoch`).
type EpochRecord =
    { Epoch: int
      LearningRate: float
      TrainLoss: float
      TrainAccuracy: float
      TestLoss: float
      TestAccuracy: float
      SamplesPerSecond: float }

/// What one experiment run produced. `FloatAccuracy` is the trained weights in software; `Deployed` holds one test
/// accuracy per programming-noise sample or die of the hard deployed model (empty in float mode).
type RunResult =
    { Name: string
      Mode: TrainingMode
      Seed: int
      FloatAccuracy: float
      Deployed: float list
      /// Mean deployed accuracy; None in float mode.
      DeployedMean: float option
      /// Sample standard deviation over the deployed samples (0 for one).
      DeployedSd: float option
      /// The headline number: deployed mean when deployed, else the float accuracy.
      Accuracy: float
      Epochs: EpochRecord list
      SamplesPerSecond: float
      Completed: bool
      /// Where spec.txt, metrics.csv and results.json were written (None for a transfer without training).
      RunFolder: string option
      /// The cost model's energy per inference, J (None where none was estimated).
      EnergyPerInference: float option
      /// Latency per inference, s.
      LatencyPerInference: float option
      /// Area of the tiles and their periphery, m².
      Area: float option }

/// One ensemble size of a core experiment.
type CoreEnsemble =
    { Size: int
      Accuracy: float
      Cores: int
      NeuronSpikesPerImage: float
      SynapticEventsPerImage: float
      AxonSpikesPerImage: float
      /// Energy per image, J: the synaptic events at TrueNorth's 26 pJ each (Merolla et al. 2014).
      EnergyPerImage: float }

/// What a core experiment produced.
type CoreRunResult =
    { Name: string
      Method: CoreTrainingMethod
      Seed: int
      Ensembles: CoreEnsemble list
      /// Deployed accuracy of each member alone.
      Single: float list
      SingleMean: float
      SingleSd: float
      TrainedModelAccuracy: float
      Completed: bool
      RunFolder: string }

/// A trained network kept for deploying elsewhere (`Exp.transfer`) or fine-tuning (`Exp.fineTune`).
[<Sealed>]
type Trained internal (network: CompiledNetwork, training: TrainingResult, result: RunResult) =
    member internal _.Network = network
    member internal _.Training = training

    /// The run that trained it.
    member _.Result = result

    override _.ToString() = $"trained network of '{result.Name}' ({network.Describe()})"

module internal Results =
    let epoch (m: EpochMetrics) =
        { Epoch = m.Epoch + 1
          LearningRate = m.LearningRate
          TrainLoss = m.TrainLoss
          TrainAccuracy = m.TrainAccuracy
          TestLoss = m.TestLoss
          TestAccuracy = m.TestAccuracy
          SamplesPerSecond = m.SamplesPerSecond }

    let ofCSharp (r: ExperimentResult) : RunResult =
        let deployed = List.ofSeq r.Deployed
        { Name = r.Name
          Mode = r.Mode
          Seed = r.Seed
          FloatAccuracy = r.FloatAccuracy
          Deployed = deployed
          DeployedMean = (if deployed.IsEmpty then None else Some r.DeployedMean)
          DeployedSd = (if deployed.IsEmpty then None else Some r.DeployedSd)
          Accuracy = r.Accuracy
          Epochs = r.Training.Epochs |> Seq.map epoch |> List.ofSeq
          SamplesPerSecond = r.Training.SamplesPerSecond
          Completed = r.Training.Completed
          RunFolder = (if String.IsNullOrEmpty r.RunFolder then None else Some r.RunFolder)
          EnergyPerInference = (if isNull r.Cost then None else Some r.Cost.Energy)
          LatencyPerInference = (if isNull r.Cost then None else Some r.Cost.Latency)
          Area = (if isNull r.Cost then None else Some r.Cost.Area) }

    let ofCores (r: CoreExperimentResult) : CoreRunResult =
        { Name = r.Name
          Method = r.Method
          Seed = r.Seed
          Ensembles =
            [ for e in r.Ensembles ->
                  { Size = e.Size
                    Accuracy = e.Accuracy
                    Cores = e.Cores
                    NeuronSpikesPerImage = e.NeuronSpikesPerImage
                    SynapticEventsPerImage = e.SynapticEventsPerImage
                    AxonSpikesPerImage = e.AxonSpikesPerImage
                    EnergyPerImage = e.EnergyPerImage } ]
          Single = List.ofSeq r.Single
          SingleMean = r.SingleMean
          SingleSd = r.SingleSd
          TrainedModelAccuracy = r.TrainedModelAccuracy
          Completed = r.Completed
          RunFolder = r.RunFolder }

    /// The table `hwdsl run` scripts print (the same columns and formats as the C# result table).
    let markdown (results: RunResult seq) =
        let rows = List.ofSeq results
        let inv = CultureInfo.InvariantCulture
        let pct (x: float) = (x * 100.0).ToString("F2", inv)
        let baseline = rows |> List.tryFind (fun r -> r.Mode = TrainingMode.Float) |> Option.map (fun r -> r.FloatAccuracy)
        let row (r: RunResult) =
            let deployed =
                match r.Deployed with
                | [] -> "–"
                | [ _ ] -> $"{pct r.Accuracy} %%"
                | _ -> $"{pct r.Accuracy} ± {pct (defaultArg r.DeployedSd 0.0)} %%"
            let delta =
                match baseline with
                | Some b when r.Mode <> TrainingMode.Float -> ((r.Accuracy - b) * 100.0).ToString("+0.00;-0.00;0.00", inv)
                | _ -> "–"
            let completed = if r.Completed then "yes" else "no"
            let speed = r.SamplesPerSecond.ToString("N0", inv)
            // As the C# ResultTable writes them: energy in pJ, latency in ns, area in mm².
            let cost (v: float option) (scale: float) (unit: string) =
                match v with
                | Some x -> (x * scale).ToString("G4", inv) + " " + unit
                | None -> "–"
            let energy, latency, area = cost r.EnergyPerInference 1e12 "pJ", cost r.LatencyPerInference 1e9 "ns", cost r.Area 1e6 "mm²"
            $"| {r.Name} | {r.Mode} | {r.Seed} | {r.Epochs.Length} | {pct r.FloatAccuracy} %% | {deployed} | {delta} | {energy} | {latency} | {area} | {speed} | {completed} |"
        [ "| experiment | mode | seed | epochs | float acc. | deployed acc. | Δ vs float (pp) | energy/inference | latency | area | samples/s | completed |"
          "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
          yield! rows |> List.map row ]
        |> List.map (fun l -> l + "\n")
        |> String.concat ""
