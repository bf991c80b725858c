// Quickstart in F#: the same three-way comparison as quickstart.csx, with the same numbers. Trains a float MLP and a
// 4-bit hardware-aware MLP on MNIST, deploys the float weights naively on the same hardware, prints the three.
//   dotnet build src/HwDsl.FSharp -c Release && dotnet fsi scripts/quickstart.fsx [--quick] [--set epochs=5] [--set bits=4]
#load "../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.FSharp.fsx"

open System.IO
open HwDsl
open HwDsl.FSharp

let epochCount = if Script.quick then 1 else Script.param "epochs" 4
let bits = Script.param "bits" 4
let seedValue = Script.param "seed" 0

// 4-bit weights and activations on differential pairs of a non-ideal device: on/off ratio 10, 10 % asymmetry.
let hw =
    Hw.differentialPair ()
    |> Hw.bits bits
    |> Hw.onOffRatio 10.0
    |> Hw.asymmetry 0.1
    |> Hw.nonLinearity 2.0

let aware =
    experiment "quickstart-hw-aware" {
        seed seedValue
        data Datasets.mnist
        network (layers { dense 256; clippedRelu; dense 256; clippedRelu; dense 10 })
        on hw
        adam 1e-3
        epochs epochCount
        batch 100
        schedule Schedule.cosine
        hardwareAware (Relaxation.sigmoid 2.0 50.0)
    }

printfn "float training (%d epoch(s)):" epochCount
let float = variant aware { name "quickstart-float"; floatTraining } |> Script.train
printfn "naive mapping of the float weights onto the hardware:"
let naive = variant aware { name "quickstart-naive"; naiveMapping } |> Script.transfer float
printfn "hardware-aware training:"
let hwAware = Script.run aware

let table = Exp.table [ float.Result; naive; hwAware ]
let written = Script.save "quickstart.md" table
printfn ""
printfn "MNIST, %d epoch(s), %d-bit weights and activations, on/off ratio 10, asymmetry 0.1, non-linearity 2:" epochCount bits
printf "%s" table
printfn "written to %s" written
