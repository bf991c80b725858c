namespace HwDsl.Kernels;

/// <summary>
/// Which of the three row-major products backprop needs. A and B are stored contiguously (row-major);
/// C is always m×n.
/// </summary>
public enum GemmLayout
{
    /// <summary>C = A·B: A is m×k, B is k×n (forward pass).</summary>
    NN,
    /// <summary>C = Aᵀ·B: A is k×m, B is k×n (weight gradient: Xᵀ·dY).</summary>
    TN,
    /// <summary>C = A·Bᵀ: A is m×k, B is n×k (input gradient: dY·Wᵀ).</summary>
    NT,
}
