using HwDsl.Autodiff;
using HwDsl.Training;

namespace HwDsl.Compiler;

/// <summary>
/// Statistics-aware training: before every <c>k</c>-th recorded (training) forward pass, draws a fresh die from the
/// defect statistics (purpose <see cref="DieSampler.Training"/>, so never an evaluation die) and hands it to every binary
/// layer. Passes its input through unchanged and does nothing while evaluating (the tape not recording).
/// </summary>
internal sealed class DieResampler(IReadOnlyList<BinaryDenseLayer> layers, ulong seed, int everyBatches) : ILayer<float>, IStatefulModel
{
    private readonly ArrayDefects[] _arrays = [.. layers.Select(l => new ArrayDefects(l.Shape.Layer, l.Shape.Rows, l.Shape.Cols, l.Shape.Elements))];
    private long _batches;

    public IReadOnlyList<Tensor<float>> Parameters => [];

    public long DiesDrawn { get; private set; }

    public Tensor<float> Forward(Tape<float> tape, Tensor<float> x)
    {
        if (!tape.Recording) return x;
        if (_batches++ % everyBatches == 0)
        {
            for (var i = 0; i < layers.Count; i++)
            {
                DieSampler.Fill(_arrays[i], layers[i].Hardware, seed, DieSampler.Training, DiesDrawn);
                layers[i].SetTrainingDie(_arrays[i]);
            }
            DiesDrawn++;
        }
        return x;
    }

    /// <summary>Batches seen and dies drawn; on load the current training die is drawn again (it depends only on its index).</summary>
    public byte[] SaveState() => [.. BitConverter.GetBytes(_batches), .. BitConverter.GetBytes(DiesDrawn)];

    public void LoadState(ReadOnlySpan<byte> state)
    {
        _batches = BitConverter.ToInt64(state);
        DiesDrawn = BitConverter.ToInt64(state[8..]);
        if (DiesDrawn == 0) return;
        for (var i = 0; i < layers.Count; i++)
        {
            DieSampler.Fill(_arrays[i], layers[i].Hardware, seed, DieSampler.Training, DiesDrawn - 1);
            layers[i].SetTrainingDie(_arrays[i]);
        }
    }

    public string Describe() => $"fresh die every {everyBatches} batch(es)";
}
