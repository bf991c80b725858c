// Borders et al. 2023 (arXiv 2312.06446, NIST) in F#, as scripts/borders2023.csx: a two-layer binary network on MNIST
// over simulated MTJ dies with shorted and open devices and device-to-device variation. Naive (defect-free) training
// vs per-die training vs statistics-aware training (a fresh die per mini-batch), evaluated on dies never seen in training.
//   dotnet fsi scripts/borders2023.fsx [--quick] [--set epochs=10] [--set hidden=256] [--set dies=36] [--set shorted=0.06]
// --quick (seconds): 3,000/1,000 images, a smaller network trained harder, stronger defects, 4 dies.
#load "../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.FSharp.fsx"

open System.Globalization
open HwDsl
open HwDsl.Experiments
open HwDsl.Data
open HwDsl.FSharp

let quick = Script.quick
let epochCount = Script.param "epochs" (if quick then 3 else 10)
let hidden = Script.param "hidden" (if quick then 64 else 256)
let lr = Script.param "lr" (if quick then 1e-2 else 1e-3)
let batchSize = Script.param "batch" (if quick then 50 else 100)
let dieCount = Script.param "dies" (if quick then 4 else 36)
let shortedRate = Script.param "shorted" (if quick then 0.15 else 0.06)   // mean per-die rate; opens are a fifth of it
let variation = Script.param "variation" 0.05                             // device-to-device σ of a working device

// The MTJ plugin when it is installed; otherwise the generic device with an MTJ-like TMR of 150 % (Gmax/Gmin = 2.5).
let mtj =
    if (Script.devices ()).Names |> Seq.contains "mtj" then Hw.binary (device = "mtj")
    else Hw.binary () |> Hw.onOffRatio 2.5

let hw =
    mtj
    |> Hw.defects [ Defects.shorted (Dist.beta shortedRate (shortedRate / 2.0)); Defects.opened (shortedRate / 5.0) ]
    |> Hw.deviceToDevice variation

let dies = Dies.sample dieCount 1   // evaluation dies; statistics-aware training draws its own

let exp =
    experiment "borders2023" {
        seed 0
        data Datasets.mnist
        network (layers { dense hidden; sign; dense 10 })
        on hw
        adam lr
        epochs epochCount
        batch batchSize
    }

// --quick: the first 3,000 training and 1,000 test images (as the .csx).
let options =
    let o = Script.options ()
    if not quick then o
    else ExperimentOptions(Observer = o.Observer, Cancel = o.Cancel, RunRoot = o.RunRoot, Devices = o.Devices, Log = o.Log,
                           Data = o.LoadData("mnist").Take(train = 3000, test = 1000))

let perDie = if quick then [ 0 ] else [ 0; 1; 2 ]
let variants =
    [ "software (no defects)", None, variant exp { floatTraining }
      "naive", None, variant exp { naiveMapping; onDies dies }
      "statistics-aware (k=1)", None, variant exp { statisticsAware 1; onDies dies }
      yield! [ for d in perDie -> $"per-die (die {d})", Some d, variant exp { perDie d; onDies dies } ] ]

let rows =
    [ for mode, die, e in variants ->
          let r = Exp.runWith options e
          let errors = DieStatistics.FromAccuracies(if r.Deployed.IsEmpty then [ r.FloatAccuracy ] else r.Deployed)
          printfn "%s: %O" mode errors
          mode, die, errors, die |> Option.map (fun d -> 1.0 - r.Deployed.[d]) ]

let pct (x: float) = (x * 100.0).ToString("F2", CultureInfo.InvariantCulture)
let table =
    [ "| training | dies | mean error % | sd | min | max | own die error % |"
      "|---|---:|---:|---:|---:|---:|---:|"
      yield!
          [ for mode, _, s, own in rows ->
                let ownText = own |> Option.map pct |> Option.defaultValue "–"
                $"| {mode} | {s.Errors.Count} | {pct s.Mean} | {pct s.Sd} | {pct s.Min} | {pct s.Max} | {ownText} |" ] ]
    |> String.concat "\n"

printfn ""
printfn "%s" table
let _, _, statsAware, _ = rows.[2]
printfn "\nstatistics-aware over the dies:\n%s" (statsAware.HistogramText())
Script.save "borders2023.md" (table + "\n") |> ignore
