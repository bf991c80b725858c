namespace HwDsl;

/// <summary>How a pooling layer combines the values of its window.</summary>
public enum PoolKind
{
    /// <summary>The largest value of each window (the gradient goes to the first largest).</summary>
    Max,

    /// <summary>The mean of each window.</summary>
    Average,
}
