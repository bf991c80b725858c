namespace HwDsl.Kernels;

/// <summary>How a pooling combines the values of its window (the DSL's PoolKind, at the kernel level).</summary>
public enum PoolMode
{
    /// <summary>The largest value of each window; the gradient goes to the first largest.</summary>
    Max,

    /// <summary>The mean of each window; the gradient is spread evenly over it.</summary>
    Average,
}
