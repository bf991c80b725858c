namespace HwDsl.Kernels.GemmImpl;

/// <summary>
/// A register-blocked MR×NR micro-kernel. A is a packed MR-row panel whose values for step p sit at a + p·MR; B is a packed NR-column panel stored
/// [p][NR]. It sums the kc products in p order from zero, then writes c = (addC ? c : 0) + (acc + bias),
/// bias being optional (null).
/// </summary>
internal unsafe interface IMicroKernel
{
    static abstract int MR { get; }
    static abstract int NR { get; }
    static abstract void Run(float* a, float* b, int kc, float* c, int ldc, float* bias, bool addC);
}
