namespace HwDsl.FSharp

// F# spellings of the C# vocabulary classes. Each module has the C# class's name, so with `open HwDsl` and
// `open HwDsl.FSharp` both `Schedule.Cosine` (C#) and `Schedule.cosine` (F#) resolve. These values carry no location:
// the C# DSL checks them where they are used (e.g. `hardwareAware (Relaxation.sigmoid 0.0 1.0)` is refused at that line).

open HwDsl

/// Relaxations for hardware-aware training (`HwDsl.Relaxation`).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Relaxation =
    /// Sum of sigmoids with β annealed geometrically per epoch from `beta` to `toBeta` (equal for a constant β).
    let sigmoid (beta: float) (toBeta: float) = HwDsl.Relaxation.Sigmoid(beta, System.Nullable toBeta)

    /// Straight-through estimator.
    let ste = HwDsl.Relaxation.Ste

    /// The sigmoid relaxation (β `beta` → `toBeta`) for the first `steFrom` epochs, then the straight-through estimator.
    let sigmoidThenSte (beta: float) (toBeta: float) (steFrom: int) = HwDsl.Relaxation.SigmoidThenSte(beta, toBeta, steFrom)

    /// What `hardwareAware` uses when none is given in C#: `sigmoid 2.0 50.0` (`TrainingBuilder.DefaultRelaxation`).
    let defaultRelaxation = TrainingBuilder.DefaultRelaxation

/// Learning-rate schedules (`HwDsl.Schedule`).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Schedule =
    /// Constant learning rate.
    let constant = HwDsl.Schedule.Constant

    /// Cosine decay to zero over the epochs (the default).
    let cosine = HwDsl.Schedule.Cosine

    /// Multiply the learning rate by `gamma` every `every` epochs.
    let step (gamma: float) (every: int) = HwDsl.Schedule.Step(gamma, every)

/// How w_max is chosen per layer (`HwDsl.WeightRange`).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module WeightRange =
    /// w_max = max |w| of the layer's current weights (the default).
    let maxAbs = HwDsl.WeightRange.MaxAbs

    /// A fixed w_max (> 0); weights beyond it clip (C# `WeightRange.Fixed`; `fixed` is an F# keyword).
    let fixedAt (value: float) = HwDsl.WeightRange.Fixed value

    /// w_max trained with the weights in hardware-aware training (HW0310 otherwise); starts at the fitted scale.
    let learned = HwDsl.WeightRange.Learned

/// How an ADC's bound is chosen (`HwDsl.AdcRange`).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module AdcRange =
    /// A fixed bound B for every tile, units of Gmax × full-scale input (C# `AdcRange.Fixed`; `fixed` is an F# keyword).
    let fixedAt (bound: float) = HwDsl.AdcRange.Fixed bound

    /// B per tile = this percentile of |y| on a calibration batch, taken right after programming (in (50, 100]).
    let calibrated (percentile: float) = HwDsl.AdcRange.Calibrated percentile

/// The input DAC's range (`HwDsl.InputRange`).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module InputRange =
    /// Full scale b for the network's input (C# `InputRange.Fixed`; `fixed` is an F# keyword).
    let fixedAt (bound: float) = HwDsl.InputRange.Fixed bound

    /// α = max|x| per input vector and row block of tiles ("noise management").
    let dynamic = HwDsl.InputRange.Dynamic

    /// A clip range per layer trained with the weights, starting at `initial`.
    let learned (initial: float) = HwDsl.InputRange.Learned initial

/// Rounding methods for low-resolution weights, Muller & Indiveri 2015 (`HwDsl.Rounding`).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Rounding =
    /// Round to the nearest level when programming (`rounding Rounding.nearest`, the default).
    let nearest = HwDsl.Rounding.Nearest

    /// Stochastic rounding when programming (`rounding Rounding.stochastic`).
    let stochastic = HwDsl.Rounding.Stochastic

    /// Rounding in the training loop (`hardwareAware Rounding.inTraining`, the same as `Relaxation.ste`).
    let inTraining = HwDsl.Rounding.InTraining

    /// A per-layer w_max fitted to minimize ‖W − s·Q(W/s)‖² (`Hw.weightRange Rounding.fittedScale`).
    let fittedScale = HwDsl.Rounding.FittedScale

/// Distributions of per-die defect rates (`HwDsl.Dist`).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Dist =
    /// The same rate on every die (C# `Dist.Fixed`; `fixed` is an F# keyword).
    let fixedRate (rate: float) = HwDsl.Dist.Fixed rate

    /// A per-die rate drawn from a Beta distribution with this mean and standard deviation.
    let beta (mean: float) (sd: float) = HwDsl.Dist.Beta(mean, sd)

/// Die populations for Monte-Carlo evaluation (`HwDsl.Dies`).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Dies =
    /// `count` dies sampled from the hardware's defect statistics with population seed `seed`.
    let sample (count: int) (seed: int) = HwDsl.Dies.Sample(count, seed)

    /// Measured die maps, one file per die (files or patterns such as `measured/*.csv`).
    let load (paths: string list) = HwDsl.Dies.Load(Array.ofList paths)

/// Data sets the DSL knows (`HwDsl.Datasets`).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Datasets =
    /// MNIST: 28x28 grey digits, 10 classes.
    let mnist = HwDsl.Datasets.Mnist

    /// Fashion-MNIST: 28x28 grey clothing images, 10 classes.
    let fashionMnist = HwDsl.Datasets.FashionMnist

    /// EMNIST balanced: 28x28, 47 classes.
    let emnistBalanced = HwDsl.Datasets.EmnistBalanced

    /// Any data set the compiler resolves by name, with its class count and input size when known.
    let named (name: string) (classes: int option) (inputSize: int option) =
        HwDsl.Datasets.Named(name, Option.toNullable classes, Option.toNullable inputSize)

/// Technology presets of the cost model (`HwDsl.Technologies`).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Technologies =
    /// 1T1R RRAM at 32 nm: DNN+NeuroSim's array defaults, ISAAC's ADCs and DACs, Horowitz's digital arithmetic (every constant cited).
    let neuroSimRram32nm = HwDsl.Technologies.NeuroSimRram32nm

    /// Every preset.
    let all = HwDsl.Technologies.All
