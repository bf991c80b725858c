using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HwDsl.Kernels.GemmImpl;

namespace HwDsl.Kernels;

/// <summary>
/// A left operand op(A) (m×k) packed once into the MAC core's panel layout, for many products with different right
/// operands: Monte-Carlo evaluation over dies multiplies one input panel by every die's weights. A product through
/// <see cref="Gemm.Compute(GemmPackedA, ReadOnlySpan{float}, Span{float}, int, GemmLayout, bool, ReadOnlySpan{float}, MacPool?)"/>
/// gives exactly what <see cref="Gemm.Compute(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, int, int, GemmLayout, bool, ReadOnlySpan{float}, MacPool?)"/>
/// gives on the source, bit for bit (same panels, same KC blocks, same kernel). The source must not change while the packed
/// form is in use: paths that cannot use the packed form (the scalar path, n ≤ 12) read the source.
/// </summary>
public sealed unsafe class GemmPackedA
{
    private readonly float[]? _panels;
    private readonly int _mr;

    private GemmPackedA(ReadOnlyMemory<float> source, int m, int k, bool transposed, Gemm.KernelPath path)
    {
        Source = source;
        Rows = m;
        Depth = k;
        Transposed = transposed;
        Path = path;
        _mr = path switch { Gemm.KernelPath.Vector512 => 8, Gemm.KernelPath.Vector256 => 6, _ => 0 };
        if (_mr == 0 || m == 0 || k == 0) return;
        KcStep = GemmBlocking.KcStep(k);
        var panels = (m + _mr - 1) / _mr;
        // Each KC block keeps 8·MR floats of slack for PackA's overlapping stores, so blocks can be packed in parallel.
        Stride = (long)panels * _mr * KcStep + 8 * _mr;
        var blocks = (k + KcStep - 1) / KcStep;
        _panels = GC.AllocateUninitializedArray<float>(checked((int)(Stride * blocks + 16)), pinned: true);
    }

    /// <summary>The rows m of op(A).</summary>
    public int Rows { get; }

    /// <summary>The depth k of op(A).</summary>
    public int Depth { get; }

    /// <summary>Whether A is stored k×m (the TN layout) rather than m×k.</summary>
    public bool Transposed { get; }

    /// <summary>The source values (row-major m×k, or k×m when <see cref="Transposed"/>).</summary>
    public ReadOnlyMemory<float> Source { get; }

    internal Gemm.KernelPath Path { get; }

    internal int KcStep { get; }

    internal long Stride { get; }

    internal float* Panels => _panels is null ? null
        : (float*)(((nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_panels)) + 63) & ~(nint)63);

    /// <summary>
    /// Packs op(A) of <paramref name="source"/> (m×k row-major, or k×m with <paramref name="transposed"/>, as in the TN
    /// layout) for the kernel path of the calling thread. The KC blocks are packed in parallel on <paramref name="pool"/>.
    /// </summary>
    public static GemmPackedA Pack(ReadOnlyMemory<float> source, int m, int k, bool transposed = false, MacPool? pool = null)
    {
        if (m < 0 || k < 0) throw new ArgumentOutOfRangeException(nameof(m), $"packed A dimensions must be non-negative; got m={m}, k={k}.");
        if (source.Length < (long)m * k) throw new ArgumentException($"A holds {source.Length} values; m×k = {m}×{k} needs {(long)m * k}.");
        var packed = new GemmPackedA(source, m, k, transposed, Gemm.Path);
        if (packed._panels is null) return packed;
        var blocks = (k + packed.KcStep - 1) / packed.KcStep;
        using var pin = source.Pin();
        var task = new PackTask(packed, (float*)pin.Pointer);
        if (blocks > 1 && (long)m * k >= 1 << 16) (pool ?? MacPool.Shared).Run(blocks, task);
        else for (var b = 0; b < blocks; b++) task.Execute(b);
        return packed;
    }

    private readonly struct PackTask(GemmPackedA packed, float* a) : IMacPoolTask
    {
        public void Execute(int block)
        {
            var p0 = block * packed.KcStep;
            var kc = Math.Min(packed.KcStep, packed.Depth - p0);
            GemmPacking.PackA(a, packed.Rows, packed.Depth, packed.Transposed, 0, packed.Rows, p0, kc,
                packed.Panels + block * packed.Stride, packed._mr);
        }
    }
}
