namespace HwDsl.Kernels;

internal static class GemmShape
{
    public static void Validate(int aLength, int bLength, int cLength, int biasLength, int m, int n, int k)
    {
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentOutOfRangeException(nameof(m), $"GEMM dimensions must be non-negative; got m={m}, n={n}, k={k}.");
        if (aLength < (long)m * k) throw new ArgumentException($"A holds {aLength} values; m×k = {m}×{k} needs {(long)m * k}.");
        if (bLength < (long)k * n) throw new ArgumentException($"B holds {bLength} values; k×n = {k}×{n} needs {(long)k * n}.");
        if (cLength < (long)m * n) throw new ArgumentException($"C holds {cLength} values; m×n = {m}×{n} needs {(long)m * n}.");
        if (biasLength != 0 && biasLength != n) throw new ArgumentException($"bias holds {biasLength} values; it must be empty or n = {n}.");
    }
}
