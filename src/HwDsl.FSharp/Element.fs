namespace HwDsl.FSharp

open System.Runtime.CompilerServices
open System.Runtime.InteropServices
open HwDsl

/// Settings of the G⁻ element of a differential pair, for `Hw.negativeElement [ Element.onOffRatio 8.0 ]`.
[<AbstractClass; Sealed>]
type Element =
    /// r⁻ = Gmax/Gmin of G⁻: > 1 or ∞ (HW0108).
    static member onOffRatio(ratio: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                             [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Step<ElementBuilder> =
        Step.make $"onOffRatio {Step.show ratio}" file line (fun e at -> e.OnOffRatio(ratio, at.File, at.Line) |> ignore)

    /// ν⁻ of G⁻: finite, |ν| ≤ 20 (HW0109).
    static member nonLinearity(nu: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                               [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Step<ElementBuilder> =
        Step.make $"nonLinearity {Step.show nu}" file line (fun e at -> e.NonLinearity(nu, at.File, at.Line) |> ignore)

/// Defect rates per conductance element, for `Hw.defects [ Defects.shorted (Dist.beta 0.02 0.01); Defects.opened 0.005 ]`.
/// A number is a fixed rate; a distribution (`Dist`) gives each die its own rate (HW0501–HW0503).
[<AbstractClass; Sealed>]
type Defects =
    /// Open devices, stuck at Gmin (C# `Open`; `open` is an F# keyword).
    static member opened(rate: RateDistribution, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                         [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Step<DefectsBuilder> =
        Step.make $"opened {rate}" file line (fun d at -> d.Open(rate, at.File, at.Line) |> ignore)

    /// Open devices at a fixed rate.
    static member opened(rate: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                         [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Step<DefectsBuilder> =
        Defects.opened (Dist.fixedRate rate, file, line)

    /// Shorted devices, stuck at Gmax.
    static member shorted(rate: RateDistribution, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                          [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Step<DefectsBuilder> =
        Step.make $"shorted {rate}" file line (fun d at -> d.Shorted(rate, at.File, at.Line) |> ignore)

    /// Shorted devices at a fixed rate.
    static member shorted(rate: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                          [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Step<DefectsBuilder> =
        Defects.shorted (Dist.fixedRate rate, file, line)

    /// Devices stuck at a random level.
    static member stuckRandom(rate: RateDistribution, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                              [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Step<DefectsBuilder> =
        Step.make $"stuckRandom {rate}" file line (fun d at -> d.StuckRandom(rate, at.File, at.Line) |> ignore)

    /// Devices stuck at a random level, at a fixed rate.
    static member stuckRandom(rate: float, [<CallerFilePath; Optional; DefaultParameterValue("")>] file: string,
                              [<CallerLineNumber; Optional; DefaultParameterValue(0)>] line: int) : Step<DefectsBuilder> =
        Defects.stuckRandom (Dist.fixedRate rate, file, line)
