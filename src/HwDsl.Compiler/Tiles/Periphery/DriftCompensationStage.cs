namespace HwDsl.Compiler;

/// <summary>
/// Global drift compensation (aihwkit's GlobalDriftCompensation): per tile, the calibration read is the all-ones input,
/// c = Σ_j |Σ_i W_ij| over the tile's cells as currently read. <see cref="Capture"/> (right after programming) stores
/// c₀; every later programming (a read at time t) computes c_t, and the stage multiplies the tile's digital outputs by
/// c₀/c_t. Acts as deployed while <see cref="Enabled"/>; one scalar per tile, so it removes the mean decay, not the spread.
/// </summary>
internal sealed class DriftCompensationStage : IOutputStage
{
    private double[] _current = [];
    private double[]? _reference;
    private float[] _ratios = [];

    public string Name => "global drift compensation";

    /// <summary>Compensate in the next deployed passes (off by default, so training's own tests read uncompensated).</summary>
    internal bool Enabled { get; set; }

    /// <summary>Each tile's c₀/c_t after the last programming.</summary>
    internal IReadOnlyList<float> Ratios => _ratios;

    public bool ActsIn(NetworkPhase phase)
    {
        if (phase != NetworkPhase.Deployed || !Enabled) return false;
        return _reference is not null ? true : throw new InvalidOperationException("drift compensation is on but no reference was captured after programming (CompiledNetwork.CaptureDriftReference).");
    }

    public bool RowWise(NetworkPhase phase) => true;

    public void Program(AnalogArray array, ProgramContext context)
    {
        var w = array.DeployedWeights.Span;
        var grid = array.Tiles;
        _current = new double[grid.Count];
        foreach (var tile in grid.Tiles)
        {
            double sum = 0;
            for (var j = 0; j < tile.Columns; j++)
            {
                double column = 0;
                for (var i = 0; i < tile.Rows; i++) column += w[(tile.Row0 + i) * grid.Columns + tile.Column0 + j];
                sum += Math.Abs(column);
            }
            _current[tile.Index] = sum;
        }
        _ratios = _reference is null ? [.. _current.Select(_ => 1f)]
            : [.. _reference.Zip(_current, (r, c) => c > 0 ? (float)(r / c) : 1f)];
    }

    /// <summary>Takes the current calibration reads as the reference c₀ (call right after programming).</summary>
    internal void Capture()
    {
        _reference = [.. _current];
        _ratios = [.. _current.Select(_ => 1f)];
    }

    public void Forward(TileBounds tile, TileBlock outputs) => Scale(tile, outputs);

    public void Backward(TileBounds tile, TileBlock gradient) => Scale(tile, gradient);

    private void Scale(TileBounds tile, TileBlock block)
    {
        var ratio = _ratios[tile.Index];
        for (var i = 0; i < block.Batch; i++) System.Numerics.Tensors.TensorPrimitives.Multiply(block.Row(i), ratio, block.Row(i));
    }
}
