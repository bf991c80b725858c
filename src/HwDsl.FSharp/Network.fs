namespace HwDsl.FSharp

open HwDsl

/// One layer of a feed-forward network, written as a list: `[ dense 256; clippedRelu; dense 10 ]`.
type Layer =
    | Dense of units: int
    | Relu
    | ClippedRelu
    | Tanh
    | Sign

[<AutoOpen>]
module Layers =
    /// A fully connected layer with `units` outputs (runs on the hardware).
    let dense units = Dense units

    /// max(0, x).
    let relu = Relu

    /// min(max(0, x), 1): the activation that quantizes cleanly.
    let clippedRelu = ClippedRelu

    /// tanh(x).
    let tanh = Tanh

    /// sign(x) with a straight-through gradient.
    let sign = Sign

    /// Adds the layers to a C# network builder.
    let internal apply (layers: Layer list) (n: NetworkBuilder) =
        for layer in layers do
            match layer with
            | Dense units -> n.Dense(units, "", 0) |> ignore
            | Relu -> n.Relu("", 0) |> ignore
            | ClippedRelu -> n.ClippedRelu("", 0) |> ignore
            | Tanh -> n.Tanh("", 0) |> ignore
            | Sign -> n.Sign("", 0) |> ignore
