namespace HwDsl;

/// <summary>Optimizers.</summary>
public enum OptimizerKind
{
    /// <summary>SGD with (optional) momentum.</summary>
    Sgd,

    /// <summary>Adam.</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,
}
