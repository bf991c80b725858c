namespace HwDsl.FSharp

open System.Runtime.CompilerServices
open System.Runtime.InteropServices
open HwDsl

/// The `layers { dense 256; clippedRelu; dense 10 }` computation expression: a feed-forward network, one layer per
/// operation, each recorded with its line. The input size comes from the data set; checked at build (HW02xx).
type LayersBuilder() =
    static let add (layers: Step<NetworkBuilder> list) call file line apply = Step.make call file line apply :: layers

    member _.Yield(()) : Step<NetworkBuilder> list = []

    member _.Run(layers: Step<NetworkBuilder> list) = List.rev layers

    /// A fully connected layer with `units` outputs, 1..65536 (HW0201).
    [<CustomOperation("dense")>]
    member _.Dense(layers, units: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                   [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        add layers $"dense {units}" file line (fun n at -> n.Dense(units, at.File, at.Line) |> ignore)

    /// max(0, x).
    [<CustomOperation("relu")>]
    member _.Relu(layers, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        add layers "relu" file line (fun n at -> n.Relu(at.File, at.Line) |> ignore)

    /// clip(x, 0, 1): the activation that quantizes cleanly (`Hw.activationBits`).
    [<CustomOperation("clippedRelu")>]
    member _.ClippedRelu(layers, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                         [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        add layers "clippedRelu" file line (fun n at -> n.ClippedRelu(at.File, at.Line) |> ignore)

    /// tanh(x).
    [<CustomOperation("tanh")>]
    member _.Tanh(layers, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        add layers "tanh" file line (fun n at -> n.Tanh(at.File, at.Line) |> ignore)

    /// sign(x) in {−1, +1} with a straight-through gradient, for binary networks.
    [<CustomOperation("sign")>]
    member _.Sign(layers, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                  [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        add layers "sign" file line (fun n at -> n.Sign(at.File, at.Line) |> ignore)

[<AutoOpen>]
module LayersSyntax =
    /// Starts a network: `layers { dense 256; clippedRelu; dense 10 }` (a list you can keep and reuse).
    let layers = LayersBuilder()
