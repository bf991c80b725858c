namespace HwDsl.FSharp

open HwDsl

/// The optimizer and its learning rate.
type Optimizer =
    | Adam of lr: float
    | AdamW of lr: float * weightDecay: float
    | Sgd of lr: float * momentum: float

/// How training treats the hardware.
type Mode =
    /// Float training, no hardware in the loop (a baseline).
    | FloatTraining
    /// Float training, then weights mapped onto the hardware as they are.
    | NaiveMapping
    /// Training through a relaxation (or STE) of the hardware's staircase.
    | HardwareAware of RelaxationSpec

[<AutoOpen>]
module Training =
    /// Adam with learning rate `lr`.
    let adam lr = Adam lr

    /// AdamW with learning rate `lr` and weight decay `wd`.
    let adamW lr wd = AdamW(lr, wd)

    /// SGD with learning rate `lr` and momentum `m`.
    let sgd lr m = Sgd(lr, m)

    /// Sigmoid relaxation with sharpness annealed from `beta` to `toBeta`.
    let sigmoid (beta: float) (toBeta: float) = Relaxation.Sigmoid(beta, System.Nullable toBeta)

    /// Straight-through estimator.
    let ste = Relaxation.Ste

    /// Hardware-aware training through `relaxation`.
    let hardwareAware relaxation = HardwareAware relaxation
