namespace MyDevice

open System
open HwDsl.Contracts

/// A configured element: g(u) = Gmin + (Gmax − Gmin)·u^γ, programmed with Gaussian noise of σ_p·Gmax and read with
/// σ_r·Gmax (plus the hardware description's own σ), clipped to [Gmin, Gmax]; no drift, no defects. Replace the curve
/// with your device's; keep every member a pure function of its arguments and the draws from the random source.
[<Sealed>]
type MyDeviceElement(programmingNoise: float, readNoise: float) =
    // γ = 1 is linear; γ > 1 bunches the levels near Gmin.
    static let exponent = 1.0
    static let clip (g: float) (element: ElementParameters) = Math.Clamp(g, element.MinConductance, element.MaxConductance)
    let programmingSigma (element: ElementParameters) (sigma: float) =
        element.Scale * sqrt (programmingNoise * programmingNoise + sigma * sigma)
    let readSigma (element: ElementParameters) (sigma: float) = element.Scale * sqrt (readNoise * readNoise + sigma * sigma)

    interface IDevice with
        member _.MaxBits = 16
        member _.OnOffRatio = Nullable()
        member _.Drifts = false
        member _.Defects = DefectRates.None

        member _.Conductance(u, element) =
            let u = Math.Clamp(u, 0.0, 1.0)
            element.MinConductance + (element.MaxConductance - element.MinConductance) * Math.Pow(u, exponent)

        member _.ConductanceDerivative(u, element) =
            if u < 0.0 || u > 1.0 then 0.0
            else (element.MaxConductance - element.MinConductance) * exponent * Math.Pow(u, exponent - 1.0)

        member _.Program(target, element, sigma, random) =
            let spread = programmingSigma element sigma
            let g = if spread = 0.0 then target else clip (target + spread * random.NextNormal()) element
            CellState(target, g)

        member _.ProgrammingSigma(_target, element, sigma) = programmingSigma element sigma

        member _.Drift(cell, _element, _seconds) = cell.Conductance

        member _.Read(cell, element, sigma, _seconds, random) =
            let spread = readSigma element sigma
            if spread = 0.0 then cell.Conductance else clip (cell.Conductance + spread * random.NextNormal()) element

        member _.ReadSigma(_cell, element, sigma, _seconds) = readSigma element sigma

        member _.Defective(kind, element, random) =
            match kind with
            | DefectKind.Open -> element.MinConductance
            | DefectKind.Short -> element.MaxConductance
            | _ -> if random.NextUniform() < 0.5 then element.MinConductance else element.MaxConductance
