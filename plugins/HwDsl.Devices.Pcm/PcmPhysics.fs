/// The statistical PCM model of aihwkit's PCMLikeNoiseModel (Nandakumar et al., ICECS 2019; Joshi et al., Nat. Commun.
/// 11, 2473 (2020)), written as plain functions of conductances normalized to the element's Gmax (x = G/Gmax).
module HwDsl.Devices.Pcm.PcmPhysics

/// Programming-noise polynomial, in µS at the fit's g_max of 25 µS: σ = c0 + c1·x + c2·x².
let progCoefficients = [| 0.26348; 1.9650; -1.1731 |]

/// The g_max (µS) the programming polynomial was fitted at.
[<Literal>]
let FitGmax = 25.0

/// Below this relative conductance the drift statistics are evaluated at the clip (as aihwkit does).
[<Literal>]
let ZeroClip = 1e-7

/// σ of programming as a fraction of Gmax at relative target x (clipped at 0).
let programmingSigma (x: float) =
    let s = progCoefficients.[0] + progCoefficients.[1] * x + progCoefficients.[2] * x * x
    max s 0.0 / FitGmax

/// Mean and σ of the drift exponent ν at relative target x.
let driftStatistics (x: float) =
    let g = max (abs x) ZeroClip
    let mu = min (max (-0.0155 * log g + 0.0244) 0.049) 0.1
    let sd = min (max (-0.0125 * log g - 0.0059) 0.008) 0.045
    mu, sd

/// One cell's ν for a standard-normal draw z (folded at 0, then scaled).
let driftExponent (x: float) (z: float) (scale: float) =
    let mu, sd = driftStatistics x
    abs (mu + sd * z) * scale

/// G(t) = G_prog·((t + t0)/t0)^(−ν): t counts from the end of programming, t0 is the first read.
let drift (gProg: float) (nu: float) (t0: float) (seconds: float) =
    let t = seconds + t0
    if t > t0 then gProg * (t / t0) ** (-nu) else gProg

/// Relative read (1/f) noise accumulated up to t: Q_s·√ln((t + t_read)/(2·t_read)), Q_s = min(0.0088/max(x^0.65, 1e-3), 0.2),
/// x = |G_prog|/Gmax.
let readSigmaRelative (xProg: float) (t0: float) (tRead: float) (seconds: float) =
    let t = seconds + t0
    if t <= 0.0 then 0.0
    else
        let qs = min (0.0088 / max (abs xProg ** 0.65) 1e-3) 0.2
        qs * sqrt (log ((t + tRead) / (2.0 * tRead)))
