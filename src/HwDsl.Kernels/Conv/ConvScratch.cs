using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HwDsl.Kernels;

/// <summary>Per-thread pinned buffers for the convolution tasks, grown on demand and reused across calls.</summary>
internal static unsafe class ConvScratch<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [ThreadStatic] private static T[]? t_patches;
    [ThreadStatic] private static T[]? t_gradient;

    /// <summary>At least <paramref name="length"/> values for the patch matrix (contents undefined).</summary>
    public static T* Patches(int length) => Get(ref t_patches, length);

    /// <summary>A second buffer, for the patch matrix's gradient.</summary>
    public static T* Gradient(int length) => Get(ref t_gradient, length);

    private static T* Get(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = GC.AllocateUninitializedArray<T>(length, pinned: true);
        return (T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
    }
}
