using System.Numerics;

namespace HwDsl.Autodiff;

/// <summary>
/// What happens to one row block's partial products in a <see cref="TiledMatMulOp{T}"/> before they are added digitally:
/// the periphery of the tiles in that block (e.g. an ADC). Both calls work in place on a rows × columns row-major block
/// holding every output column of the layer; an implementation applies each tile's stage to its own columns.
/// </summary>
/// <typeparam name="T">The float type.</typeparam>
public interface ITileOutput<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// How <see cref="Forward"/> may be called for row block <paramref name="rowBlock"/> in this pass: 0 when its stages
    /// need the whole batch at once (e.g. an ADC calibrating its range on it); otherwise a chunk size c, and the op calls
    /// it once per chunk of rows [k·c, k·c + c), concurrently on its pool, because every stage treats each input vector on
    /// its own (and draws what it draws per chunk).
    /// </summary>
    int ChunkRows(int rowBlock);

    /// <summary>Transforms rows [<paramref name="firstRow"/>, firstRow + <paramref name="rows"/>) of row block
    /// <paramref name="rowBlock"/>'s partial products in place, given their input rows (rows × <paramref name="inputColumns"/>);
    /// keeps what <see cref="Backward"/> needs.</summary>
    void Forward(int rowBlock, int firstRow, ReadOnlySpan<T> input, int inputColumns, Span<T> partial, int rows, int columns);

    /// <summary>Turns the gradient with respect to the block's transformed outputs into the gradient with respect to its
    /// partial products, in place.</summary>
    void Backward(int rowBlock, Span<T> gradient, int batch, int columns);
}
