/// Every F# call records its own file and line, so the C# rules report a mistake where it was written.
module HwDsl.FSharp.Tests.LocationTests

open System
open System.IO
open HwDsl
open HwDsl.FSharp
open Xunit

let private here = "LocationTests.fs"

let private errors =
    function
    | Ok _ -> failwith "expected errors"
    | Error(list: SpecError list) -> list |> List.map (fun e -> e.Code, Path.GetFileName e.File, e.Line)

[<Fact>]
let ``mistakes in hardware, layers, overrides, training and evaluation are each reported at their line`` () =
    let first = int __LINE__
    let hw =
        Hw.differentialPair ()
        |> Hw.onOffRatio 0.5                                            // first + 3: HW0102
        |> Hw.negativeElement [ Element.nonLinearity 99.0 ]             // first + 4: HW0109
    let bad =
        experiment "located" {
            data Datasets.mnist
            network (layers {
                dense 0                                                 // first + 9: HW0201
                clippedRelu
                dense 10 })
            on hw
            layer 7 (Hw.weightBits 4)                                   // first + 13: HW0120
            lastLayer (Hw.readNoise 0.9)                                // first + 14: HW0113
            epochs 0                                                    // first + 15: HW0304
            deployed 0                                                  // first + 16: HW0401
        }
    let found = errors (Exp.tryBuild bad) |> Set.ofList
    for code, offset in [ "HW0102", 3; "HW0109", 4; "HW0201", 9; "HW0120", 13; "HW0113", 14; "HW0304", 15; "HW0401", 16 ] do
        Assert.Contains((code, here, first + offset), found)

[<Fact>]
let ``defect rates, core settings and a variant's name are located too`` () =
    let first = int __LINE__
    let hw = Hw.binary () |> Hw.defects [ Defects.shorted 1.5 ]            // first + 1: HW0501
    let e = experiment "d" { data Datasets.mnist; network (layers { dense 8; sign; dense 10 }); on hw; naiveMapping }
    Assert.Contains(("HW0501", here, first + 1), errors (Exp.tryBuild e))
    let renamed = variant e { name "" }                                   // first + 4: HW0404
    Assert.Contains(("HW0404", here, first + 4), errors (Exp.tryBuild renamed))
    let c = cores "c" { data Datasets.mnist; windows 16 12; layer 300 1; readout 25 }   // first + 6: HW0604
    Assert.Contains(("HW0604", here, first + 6), errors (Cores.tryBuild c))

[<Fact>]
let ``an experiment without data or network says so at the experiment's line`` () =
    let line = int __LINE__ + 1
    let noData = experiment "no-data" { network (layers { dense 10 }) }
    Assert.Equal<(string * string * int) list>([ "HW0406", here, line ], errors (Exp.tryBuild noData))
    let e = Assert.Throws<SpecException>(fun () -> Exp.build noData |> ignore)
    Assert.Contains("has no data set; add e.g. `data Datasets.mnist`.", e.Message)
    let line = int __LINE__ + 1
    let noNetwork = experiment "no-network" { data Datasets.mnist }
    Assert.Contains(("HW0200", here, line), errors (Exp.tryBuild noNetwork))

[<Fact>]
let ``the debug view names the F# line of each value`` () =
    let line = int __LINE__ + 1
    let e = experiment "view" { data Datasets.mnist; network (layers { dense 10 }); on (Hw.differentialPair () |> Hw.weightBits 3) }
    let view = Exp.debugView e
    Assert.Matches($@"WeightBits +3 +\[{here}:{line}\]", view)
