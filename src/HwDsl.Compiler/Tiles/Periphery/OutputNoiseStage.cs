namespace HwDsl.Compiler;

/// <summary>
/// <see cref="OutputNoise"/>: each tile column's output gets σ·ε in units of column current (scaled to the layer's units by
/// <see cref="TileBlock.Scale"/>), ε drawn anew on every pass and input vector. Acts as deployed after a noisy programming,
/// and in noise-aware training; the gradient passes unchanged.
/// </summary>
internal sealed class OutputNoiseStage(OutputNoise spec, bool inTraining, int seed, int layer) : IOutputStage
{
    private readonly NoiseDraws _draws = new(0x0A7_9015E, seed, layer);
    private float[] _eps = [];

    public string Name => spec.ToString();

    public bool ActsIn(NetworkPhase phase) => phase switch
    {
        NetworkPhase.Deployed => _draws.Noisy,
        NetworkPhase.Train => inTraining,
        _ => false,
    };

    public void Program(AnalogArray array, ProgramContext context) => _draws.Program(context);

    public void Forward(TileBounds tile, TileBlock outputs)
    {
        var n = outputs.Batch * outputs.Columns;
        if (_eps.Length < n) _eps = new float[n];
        GaussianFill.Fill(_draws.For(outputs.Phase, tile, outputs.Pass), _eps.AsSpan(0, n));
        for (var i = 0; i < outputs.Batch; i++)
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(_eps.AsSpan(i * outputs.Columns, outputs.Columns), (float)spec.Sigma * outputs.Scale(i), outputs.Row(i), outputs.Row(i));
    }

    public void Backward(TileBounds tile, TileBlock gradient)
    {
    }
}
