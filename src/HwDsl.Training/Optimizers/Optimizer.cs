using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Training;

/// <summary>Updates a fixed list of parameters from their gradients, one fused pass per tensor.</summary>
public abstract class Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Binds the optimizer to <paramref name="parameters"/> (their order fixes the state layout).</summary>
    protected Optimizer(IReadOnlyList<Tensor<T>> parameters, double learningRate)
    {
        Parameters = parameters;
        LearningRate = learningRate;
        for (var i = 0; i < parameters.Count; i++)
            for (var start = 0; start < parameters[i].Length; start += ChunkElements)
                _chunks.Add((i, start, Math.Min(ChunkElements, parameters[i].Length - start)));
    }

    /// <summary>The parameters updated by <see cref="Step"/>.</summary>
    public IReadOnlyList<Tensor<T>> Parameters { get; }

    /// <summary>The current learning rate η (a schedule changes it between epochs).</summary>
    public double LearningRate { get; set; }

    /// <summary>Number of steps taken.</summary>
    public int Steps { get; private set; }

    /// <summary>The optimizer's buffers (Adam: m per parameter, then v; SGD: momentum per parameter, empty without momentum).
    /// A checkpoint copies them; <see cref="Restore"/> puts them back.</summary>
    public abstract IReadOnlyList<T[]> Buffers { get; }

    /// <summary>Continues from a checkpoint: <paramref name="steps"/> steps taken and a copy of <see cref="Buffers"/>.</summary>
    public void Restore(int steps, IReadOnlyList<T[]> buffers)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var own = Buffers;
        if (buffers.Count != own.Count || buffers.Zip(own).Any(b => b.First.Length != b.Second.Length))
            throw new ArgumentException($"the optimizer state holds {buffers.Count} buffers of {string.Join(", ", buffers.Select(b => b.Length))} values; "
                + $"this optimizer has {own.Count} of {string.Join(", ", own.Select(b => b.Length))}.");
        for (var i = 0; i < own.Count; i++) buffers[i].CopyTo(own[i], 0);
        Steps = steps;
    }

    /// <summary>
    /// Clears every parameter's gradient before the next backward pass accumulates into it; with a pool of several threads,
    /// in the chunks <see cref="Step"/> uses, in parallel (a serial megabyte of stores per step otherwise).
    /// </summary>
    public void ZeroGrad(MacPool? pool = null)
    {
        if (pool is null || pool.Threads == 1 || _chunks.Count <= 1)
        {
            foreach (var p in Parameters) p.Gradient.Clear();
            return;
        }
        pool.Run(_chunks.Count, new ClearTask(this));
    }

    /// <summary>
    /// True when every value the last <see cref="Step"/> wrote is finite, checked by each chunk right after its update
    /// (in cache, in parallel), so a divergence check needs no pass of its own over the weights.
    /// </summary>
    public bool LastStepFinite => _nonFinite == 0;

    /// <summary>
    /// Applies one update to every parameter. With a pool of several threads the parameters are cut into chunks
    /// updated in parallel; the rules are elementwise, so the result does not depend on the thread count.
    /// </summary>
    public void Step(MacPool? pool = null)
    {
        Steps++;
        _nonFinite = 0;
        if (pool is null || pool.Threads == 1 || _chunks.Count <= 1)
        {
            for (var c = 0; c < _chunks.Count; c++) UpdateChunk(c, Steps);
            return;
        }
        pool.Run(_chunks.Count, new ChunkTask(this, Steps));
    }

    private void UpdateChunk(int chunk, int step)
    {
        var (index, start, length) = _chunks[chunk];
        var parameter = Parameters[index];
        Update(index, parameter, step, start, length);
        if (!TensorPrimitives.IsFiniteAll<T>(parameter.Values.Slice(start, length))) Volatile.Write(ref _nonFinite, 1);
    }

    /// <summary>
    /// Updates elements [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) of parameter
    /// <paramref name="index"/> in place for step <paramref name="step"/> (1-based). Chunks of one parameter may run
    /// concurrently, so touch only that range.
    /// </summary>
    protected abstract void Update(int index, Tensor<T> parameter, int step, int start, int length);

    // Chunks of about 64 KiB of parameters: small enough to balance two threads, large enough to amortise dispatch.
    private const int ChunkElements = 16384;

    private readonly List<(int Index, int Start, int Length)> _chunks = [];

    private int _nonFinite;

    private readonly struct ChunkTask(Optimizer<T> optimizer, int step) : IMacPoolTask
    {
        public void Execute(int chunk) => optimizer.UpdateChunk(chunk, step);
    }

    private readonly struct ClearTask(Optimizer<T> optimizer) : IMacPoolTask
    {
        public void Execute(int chunk)
        {
            var (index, start, length) = optimizer._chunks[chunk];
            var gradient = optimizer.Parameters[index].Gradient;
            if (gradient.Length > 0) gradient.Slice(start, length).Clear();
        }
    }
}
