using System.Numerics.Tensors;
using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// The per-MVM noise at a tile's outputs, drawn anew on every pass and input vector: <see cref="OutputNoise"/> (σₒ·ε in
/// units of column current, scaled to the layer's units by <see cref="TileBlock.Scale"/>) and <see cref="ReadNoisePerMvm"/>
/// (every element read as G + σᵣ·ε on each MVM). A column's output is Σ_i x_i·Σ_e c_e·(G_e + σᵣ ε_ie), so the read noise
/// it adds is exactly N(0, (σᵣ·k·‖x‖₂)²) for the tile's input block x, independent across columns and vectors
/// (k² = Σ_e c_e² over a weight's elements: 2 for a differential pair, 4 for a single element against the reference),
/// times w_max. Both are zero-mean Gaussians added next to each other in the pipeline (read noise, then output noise,
/// before any gain error or ADC), so their sum is drawn once, with variance (σₒ·s)² + (σᵣ·k·w_max·‖x‖)²: one draw per
/// column and vector.
/// Acts as deployed after a noisy programming, and in noise-aware training; the gradient passes unchanged.
/// </summary>
internal sealed class PerMvmNoiseStage : IOutputStage
{
    private readonly NoiseDraws _draws;
    private readonly bool _inTraining;
    private readonly float _output, _read;

    /// <param name="output">σₒ, or null without output noise.</param>
    /// <param name="read">σᵣ, or null without per-MVM read noise.</param>
    /// <param name="inTraining">Also acts in (noise-aware) training.</param>
    /// <param name="seed">The training run's seed (its draws; deployed draws come from the programming).</param>
    /// <param name="layer">The layer's index (its own stream).</param>
    /// <param name="elementFactor">k: √2 for a differential pair, 2 for a single element against the reference.</param>
    internal PerMvmNoiseStage(OutputNoise? output, ReadNoisePerMvm? read, bool inTraining, int seed, int layer, double elementFactor)
    {
        _draws = new NoiseDraws(0x0A7_9015E, seed, layer);
        _inTraining = inTraining;
        _output = (float)(output?.Sigma ?? 0);
        _read = (float)((read?.Sigma ?? 0) * elementFactor);
        Name = string.Join(" + ", new object?[] { output, read }.OfType<object>());
    }

    public string Name { get; }

    public bool ActsIn(NetworkPhase phase) => phase switch
    {
        NetworkPhase.Deployed => _draws.Noisy,
        NetworkPhase.Train => _inTraining,
        _ => false,
    };

    public bool RowWise(NetworkPhase phase) => true;

    public void Program(AnalogArray array, ProgramContext context) => _draws.Program(context);

    public void Forward(TileBounds tile, TileBlock outputs)
    {
        // Per call, not per stage: chunks of one batch run concurrently.
        Span<float> sigma = outputs.Batch <= GaussianFill.ChunkRows ? stackalloc float[outputs.Batch] : new float[outputs.Batch];
        var read = _read * outputs.WeightScale;
        for (var i = 0; i < outputs.Batch; i++)
        {
            var o = _output * outputs.Scale(i);
            var r = read == 0 ? 0 : read * TensorPrimitives.Norm(outputs.Input(i));
            sigma[i] = o == 0 ? r : r == 0 ? o : MathF.Sqrt(o * o + r * r);
        }
        // Rows [64c, 64c + 64) of the batch draw from chunk c's stream, whether the block is the batch or one chunk of it.
        var (phase, pass, first) = (outputs.Phase, outputs.Pass, outputs.FirstRow / GaussianFill.ChunkRows);
        GaussianFill.AddScaled(outputs.Data[outputs.Column0..], outputs.Batch, outputs.Stride, outputs.Columns, sigma,
            chunk => _draws.For(phase, tile, pass, first + chunk), outputs.Pool);
    }

    public void Backward(TileBounds tile, TileBlock gradient)
    {
    }
}
