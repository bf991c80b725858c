using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// The receptive fields of a convolution as rows: x is batch × (C·H·W), y is (batch·P) × (C·k·k) with P = H'·W' and row
/// n·P + q (q = oy·W' + ox) holding field (oy, ox) of image n, column r = (c·k + ki)·k + kj (the kernel matrix's row),
/// zero where the field reaches into the padding. y·W is then the convolution, one output position per row — what a
/// crossbar computes when each field is applied to its rows as one input vector. Backward adds each row back onto the
/// pixels it was read from.
/// </summary>
public sealed class PatchRowsOp<T> : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _x, _y;
    private readonly ConvGeometry _g;

    private PatchRowsOp(Tensor<T> x, Tensor<T> y, ConvGeometry g) => (_x, _y, _g) = (x, y, g);

    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, ConvGeometry g)
    {
        g.Validate();
        if (x.Cols != g.InputSize) throw new ArgumentException($"patch rows: {g} takes {g.InputSize} values per image; the input has {x.Cols}.");
        var y = tape.Output(x.Rows * g.Positions, g.PatchSize, x.RequiresGrad);
        Walk(x.Rows, g, x.Values, y.Values, gather: true);
        tape.Record(new PatchRowsOp<T>(x, y, g), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dx = tape.GradientOf(_x);
        if (dx.IsEmpty || _y.Gradient.IsEmpty) return;
        Walk(_x.Rows, _g, dx, _y.Gradient, gather: false);
    }

    // gather: patch[row, r] = image pixel (padding 0); otherwise pixel += patch[row, r]. Rows are written in order, so
    // the sums into a pixel run in a fixed order.
    private static void Walk(int batch, in ConvGeometry g, Span<T> images, Span<T> patches, bool gather)
    {
        int k = g.Kernel, s = g.Stride, p = g.Padding, h = g.Height, w = g.Width, ow = g.OutWidth, positions = g.Positions, size = g.PatchSize;
        for (var n = 0; n < batch; n++)
        {
            var image = images.Slice(n * g.InputSize, g.InputSize);
            for (var q = 0; q < positions; q++)
            {
                var row = patches.Slice((n * positions + q) * size, size);
                int oy = q / ow, ox = q % ow, r = 0;
                for (var c = 0; c < g.Channels; c++)
                for (var ki = 0; ki < k; ki++)
                {
                    var iy = oy * s + ki - p;
                    for (var kj = 0; kj < k; kj++, r++)
                    {
                        var ix = ox * s + kj - p;
                        var inside = (uint)iy < (uint)h && (uint)ix < (uint)w;
                        if (gather) row[r] = inside ? image[(c * h + iy) * w + ix] : T.Zero;
                        else if (inside) image[(c * h + iy) * w + ix] += row[r];
                    }
                }
            }
        }
    }
}

/// <summary>The patch-rows op on a tape.</summary>
public static class PatchRowsExtensions
{
    /// <summary>The receptive fields of <paramref name="geometry"/> over each image of <paramref name="x"/>, one per row
    /// ((batch·H'·W') × (C·k·k)), recorded for backprop.</summary>
    public static Tensor<T> PatchRows<T>(this Tape<T> tape, Tensor<T> x, ConvGeometry geometry)
        where T : unmanaged, IFloatingPointIeee754<T> => PatchRowsOp<T>.Forward(tape, x, geometry);
}
