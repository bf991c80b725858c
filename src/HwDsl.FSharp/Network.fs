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

    /// A 2-D convolution: `conv2d channels kernel stride padding`, e.g. `conv2d 6 5 1 2` (HW0206–HW0211).
    [<CustomOperation("conv2d")>]
    member _.Conv2d(layers, channels: int, kernel: int, stride: int, padding: int,
                    [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                    [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        add layers $"conv2d {channels} {kernel} {stride} {padding}" file line
            (fun n at -> n.Conv2d(channels, kernel, stride, padding, at.File, at.Line) |> ignore)

    /// Max pooling over `size`×`size` windows side by side (stride = size; HW0210, HW0212, HW0213).
    [<CustomOperation("maxPool")>]
    member _.MaxPool(layers, size: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                     [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        add layers $"maxPool {size}" file line (fun n at -> n.MaxPool(size, System.Nullable(), at.File, at.Line) |> ignore)

    /// Average pooling over `size`×`size` windows side by side (stride = size; HW0210, HW0212, HW0213).
    [<CustomOperation("avgPool")>]
    member _.AvgPool(layers, size: int, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                     [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        add layers $"avgPool {size}" file line (fun n at -> n.AvgPool(size, System.Nullable(), at.File, at.Line) |> ignore)

    /// The image before it as one feature vector for the dense layers after it (required after conv2d or a pool; HW0214).
    [<CustomOperation("flatten")>]
    member _.Flatten(layers, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                     [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) =
        add layers "flatten" file line (fun n at -> n.Flatten(at.File, at.Line) |> ignore)

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
