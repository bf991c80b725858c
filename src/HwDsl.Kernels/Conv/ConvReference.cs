using System.Numerics;

namespace HwDsl.Kernels;

/// <summary>
/// The slow, obviously correct convolution: the defining sums as nested loops, in any IEEE float type. Tests compare
/// <see cref="Conv2d"/> (patch matrices through the packed GEMM) against it.
/// </summary>
public static class ConvReference
{
    /// <summary>y[n, f, oy, ox] = b[f] + Σ_{c, ki, kj} W[(c·k + ki)·k + kj, f] · x[n, c, oy·s + ki − p, ox·s + kj − p].</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> y, int batch, ConvGeometry g)
        where T : IFloatingPointIeee754<T>
    {
        g.Validate();
        for (var n = 0; n < batch; n++)
        for (var f = 0; f < g.Filters; f++)
        for (var oy = 0; oy < g.OutHeight; oy++)
        for (var ox = 0; ox < g.OutWidth; ox++)
        {
            var sum = bias.IsEmpty ? T.Zero : bias[f];
            for (var c = 0; c < g.Channels; c++)
            for (var ki = 0; ki < g.Kernel; ki++)
            for (var kj = 0; kj < g.Kernel; kj++)
            {
                int iy = oy * g.Stride + ki - g.Padding, ix = ox * g.Stride + kj - g.Padding;
                if (iy >= 0 && iy < g.Height && ix >= 0 && ix < g.Width)
                    sum += weights[((c * g.Kernel + ki) * g.Kernel + kj) * g.Filters + f] * x[Index(g, n, c, iy, ix)];
            }
            y[((n * g.Filters + f) * g.OutHeight + oy) * g.OutWidth + ox] = sum;
        }
    }

    /// <summary>dx += dL/dx, dW += dL/dW, db += dL/db for output gradient dy (any of them may be empty and is then skipped).</summary>
    public static void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weights, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dw, Span<T> db,
        int batch, ConvGeometry g) where T : IFloatingPointIeee754<T>
    {
        g.Validate();
        for (var n = 0; n < batch; n++)
        for (var f = 0; f < g.Filters; f++)
        for (var oy = 0; oy < g.OutHeight; oy++)
        for (var ox = 0; ox < g.OutWidth; ox++)
        {
            var d = dy[((n * g.Filters + f) * g.OutHeight + oy) * g.OutWidth + ox];
            if (!db.IsEmpty) db[f] += d;
            for (var c = 0; c < g.Channels; c++)
            for (var ki = 0; ki < g.Kernel; ki++)
            for (var kj = 0; kj < g.Kernel; kj++)
            {
                int iy = oy * g.Stride + ki - g.Padding, ix = ox * g.Stride + kj - g.Padding;
                if (iy < 0 || iy >= g.Height || ix < 0 || ix >= g.Width) continue;
                var r = (c * g.Kernel + ki) * g.Kernel + kj;
                var i = Index(g, n, c, iy, ix);
                if (!dw.IsEmpty) dw[r * g.Filters + f] += x[i] * d;
                if (!dx.IsEmpty) dx[i] += weights[r * g.Filters + f] * d;
            }
        }
    }

    private static int Index(ConvGeometry g, int n, int c, int iy, int ix) => ((n * g.Channels + c) * g.Height + iy) * g.Width + ix;
}
