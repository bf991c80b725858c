namespace HwDsl.Compiler;

/// <summary>
/// One stage of a tile's periphery between the array and the digital sum (an ADC, output noise, a column gain error,
/// drift compensation, …). The <see cref="AnalogArray"/> calls it once per tile per pass, in pipeline order; a stage that
/// acts in training gives a gradient (exact or straight-through) in <see cref="Backward"/>. A stage keeps per-tile state
/// (drawn when the array is programmed) in its own fields, indexed by <see cref="TileBounds.Index"/>.
/// </summary>
public interface IOutputStage
{
    /// <summary>A short name for views and messages, e.g. <c>column gain error σ=0.02</c>.</summary>
    string Name { get; }

    /// <summary>True when the stage acts in <paramref name="phase"/> (most act only as deployed).</summary>
    bool ActsIn(NetworkPhase phase);

    /// <summary>True when the stage treats each input vector on its own in <paramref name="phase"/> and may be called for
    /// chunks of a batch's rows concurrently (<see cref="TileBlock.FirstRow"/>); false when a pass needs every row at once
    /// (an ADC calibrating its range on the batch) or keeps per-batch state that chunks would race on.</summary>
    bool RowWise(NetworkPhase phase);

    /// <summary>Called after the array is programmed (one deployed sample): draw or compute per-tile state.</summary>
    void Program(AnalogArray array, ProgramContext context);

    /// <summary>Transforms the tile's outputs in place.</summary>
    void Forward(TileBounds tile, TileBlock outputs);

    /// <summary>Turns the gradient with respect to the stage's outputs into the one with respect to its inputs, in place.</summary>
    void Backward(TileBounds tile, TileBlock gradient);
}
