using System.Numerics;

namespace HwDsl.Autodiff;

/// <summary>
/// What happens to one row block's partial products in a <see cref="TiledMatMulOp{T}"/> before they are added digitally:
/// the periphery of the tiles in that block (e.g. an ADC). Both calls work in place on a batch × columns row-major block
/// holding every output column of the layer; an implementation applies each tile's stage to its own columns.
/// </summary>
/// <typeparam name="T">The float type.</typeparam>
public interface ITileOutput<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Transforms row block <paramref name="rowBlock"/>'s partial products in place, given its input block
    /// (batch × <paramref name="inputColumns"/>); keeps what <see cref="Backward"/> needs.</summary>
    void Forward(int rowBlock, ReadOnlySpan<T> input, int inputColumns, Span<T> partial, int batch, int columns);

    /// <summary>Turns the gradient with respect to the block's transformed outputs into the gradient with respect to its
    /// partial products, in place.</summary>
    void Backward(int rowBlock, Span<T> gradient, int batch, int columns);
}
