namespace HwDsl.Kernels.GemmImpl;

/// <summary>
/// A register-blocked MR×NR micro-kernel over packed operands: A as MR-row panels stored [p][MR], B as NR-column
/// panels stored [p][NR]. It sums the kc products in p order from zero, then writes
/// c = (addC ? c : 0) + (acc + bias), bias being optional (null).
/// </summary>
internal unsafe interface IMicroKernel
{
    static abstract int MR { get; }
    static abstract int NR { get; }
    static abstract void Run(float* a, float* b, int kc, float* c, int ldc, float* bias, bool addC);
}
