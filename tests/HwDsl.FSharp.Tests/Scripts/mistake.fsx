// A complete experiment with one deliberate mistake (line 12): run it with `dotnet fsi mistake.fsx` and it stops
// before training with `mistake.fsx(12): error HW0102: OnOffRatio must be greater than 1 …`, exit code 1.
#load "../../../src/HwDsl.FSharp/bin/Release/net10.0/HwDsl.FSharp.fsx"

open HwDsl
open HwDsl.FSharp

let hw =
    Hw.differentialPair ()
    |> Hw.weightBits 4
    |> Hw.activationBits 4
    |> Hw.onOffRatio 0.5            // the mistake: Gmax/Gmin must be > 1
    |> Hw.asymmetry 0.1

let exp =
    experiment "mistake" {
        data Datasets.mnist
        network (layers { dense 128; clippedRelu; dense 10 })
        on hw
        adam 1e-3
        epochs 2
        hardwareAware (Relaxation.sigmoid 2.0 50.0)
    }

let result = Script.run exp
Exp.print [ result ]
