namespace HwDsl.Compiler;

/// <summary>
/// <see cref="ColumnGainError"/>: each tile's column j scales its partial output by g_j = 1 + σ·z_j, drawn per tile and
/// column when the array is programmed for a real deployment (seeded by seed, sample, layer and tile, so a sample replays;
/// the ideal mapping used while training draws nothing). Backward multiplies by the same gains.
/// </summary>
internal sealed class ColumnGainStage(ColumnGainError spec) : IOutputStage
{
    private const ulong Stream = 0xC01_6A1;
    private float[][] _gains = [];

    public string Name => spec.ToString();

    public bool ActsIn(NetworkPhase phase) => phase == NetworkPhase.Deployed && _gains.Length > 0;

    public bool RowWise(NetworkPhase phase) => true;

    public void Program(AnalogArray array, ProgramContext context)
    {
        if (!context.Noisy) { _gains = []; return; }
        var tiles = array.Tiles.Tiles.ToList();
        _gains = new float[tiles.Count][];
        foreach (var tile in tiles)
        {
            var random = context.Random(Stream, tile.Index);
            var g = _gains[tile.Index] = new float[tile.Columns];
            for (var j = 0; j < g.Length; j++) g[j] = (float)(1 + spec.Sigma * random.NextNormal());
        }
    }

    public void Forward(TileBounds tile, TileBlock outputs) => Scale(_gains[tile.Index], outputs);

    public void Backward(TileBounds tile, TileBlock gradient) => Scale(_gains[tile.Index], gradient);

    private static void Scale(float[] gains, TileBlock block)
    {
        for (var i = 0; i < block.Batch; i++) System.Numerics.Tensors.TensorPrimitives.Multiply(block.Row(i), gains, block.Row(i));
    }
}
