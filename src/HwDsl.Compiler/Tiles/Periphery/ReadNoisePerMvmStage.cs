using System.Numerics.Tensors;

namespace HwDsl.Compiler;

/// <summary>
/// <see cref="ReadNoisePerMvm"/>: every element read as G + σ·ε on each MVM. A column's output is Σ_i x_i·Σ_e c_e·(G_e + σ ε_ie),
/// so the noise it adds is exactly N(0, (σ·k·‖x‖₂)²) for the tile's input block x, independent across columns and
/// vectors (k² = Σ_e c_e² over a weight's elements: 2 for a differential pair, 4 for a single element against the
/// reference), times w_max; it is drawn at the output, one draw per column and vector. The gradient passes unchanged.
/// </summary>
internal sealed class ReadNoisePerMvmStage(ReadNoisePerMvm spec, bool inTraining, int seed, int layer, double elementFactor) : IOutputStage
{
    private readonly NoiseDraws _draws = new(0x4EAD_9015E, seed, layer);
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
        var sigma = (float)(spec.Sigma * elementFactor) * outputs.WeightScale;
        for (var i = 0; i < outputs.Batch; i++)
        {
            var norm = TensorPrimitives.Norm(outputs.Input(i));
            TensorPrimitives.MultiplyAdd(_eps.AsSpan(i * outputs.Columns, outputs.Columns), sigma * norm, outputs.Row(i), outputs.Row(i));
        }
    }

    public void Backward(TileBounds tile, TileBlock gradient)
    {
    }
}
