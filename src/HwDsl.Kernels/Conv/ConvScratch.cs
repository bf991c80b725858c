using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwDsl.Kernels;

/// <summary>Per-thread pinned buffers for the convolution tasks, one per slot, grown on demand and reused across calls.</summary>
internal static unsafe class ConvScratch<T> where T : unmanaged
{
    public const int Patches = 0, Gradient = 1, Grid = 2, Padded = 3;

    [ThreadStatic] private static T[]?[]? t_buffers;

    /// <summary>At least <paramref name="length"/> values in <paramref name="slot"/> (contents undefined).</summary>
    public static T* Get(int slot, int length)
    {
        var buffers = t_buffers ??= new T[]?[4];
        ref var buffer = ref buffers[slot];
        if (buffer is null || buffer.Length < length) buffer = GC.AllocateUninitializedArray<T>(length, pinned: true);
        return (T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
    }
}
