using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// The outputs of a convolution computed one position per row, back in image layout: x is (batch·P) × F with row n·P + q
/// the F channels at position q of image n (what <see cref="PatchRowsOp{T}"/> rows times the kernel matrix give), y is
/// batch × (F·P) with y[n, f·P + q] = x[n·P + q, f] (NCHW, as <see cref="Conv2dOp{T}"/> writes it). Backward is the
/// inverse permutation.
/// </summary>
public sealed class ImagesFromPositionsOp<T> : TapeOp<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _x, _y;
    private readonly int _positions;

    private ImagesFromPositionsOp(Tensor<T> x, Tensor<T> y, int positions) => (_x, _y, _positions) = (x, y, positions);

    internal static Tensor<T> Forward(Tape<T> tape, Tensor<T> x, ConvGeometry g)
    {
        g.Validate();
        if (x.Cols != g.Filters || x.Rows % g.Positions != 0)
            throw new ArgumentException($"images from positions: {g} needs (batch·{g.Positions}) × {g.Filters} values; got {x.Rows}×{x.Cols}.");
        var batch = x.Rows / g.Positions;
        var y = tape.Output(batch, g.OutputSize, x.RequiresGrad);
        Permute(batch, g.Positions, g.Filters, x.Values, y.Values, toImages: true);
        tape.Record(new ImagesFromPositionsOp<T>(x, y, g.Positions), y);
        return y;
    }

    /// <inheritdoc />
    public override void Backward(Tape<T> tape)
    {
        var dx = tape.GradientOf(_x);
        if (dx.IsEmpty || _y.Gradient.IsEmpty) return;
        Permute(_y.Rows, _positions, _x.Cols, dx, _y.Gradient, toImages: false);
    }

    // toImages: images[n, f·P + q] = rows[n·P + q, f]; otherwise rows[n·P + q, f] += images[n, f·P + q].
    private static void Permute(int batch, int positions, int filters, Span<T> rows, Span<T> images, bool toImages)
    {
        for (var n = 0; n < batch; n++)
        {
            var image = images.Slice(n * positions * filters, positions * filters);
            var block = rows.Slice(n * positions * filters, positions * filters);
            for (var q = 0; q < positions; q++)
            for (var f = 0; f < filters; f++)
            {
                if (toImages) image[f * positions + q] = block[q * filters + f];
                else block[q * filters + f] += image[f * positions + q];
            }
        }
    }
}

/// <summary>The images-from-positions op on a tape.</summary>
public static class ImagesFromPositionsExtensions
{
    /// <summary>(batch·H'·W') × F rows of convolution outputs as batch × (F·H'·W') images, recorded for backprop.</summary>
    public static Tensor<T> ImagesFromPositions<T>(this Tape<T> tape, Tensor<T> x, ConvGeometry geometry)
        where T : unmanaged, IFloatingPointIeee754<T> => ImagesFromPositionsOp<T>.Forward(tape, x, geometry);
}
