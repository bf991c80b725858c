using HwDsl.Kernels;

namespace HwDsl.Data;

/// <summary>
/// Cuts a <see cref="DataSplit"/> into shuffled mini-batches. The order of an epoch depends only on
/// (seed, epoch): <see cref="StartEpoch"/> resets to the identity order and runs a Fisher–Yates shuffle
/// driven by SplitMix64 seeded from both, so any epoch can be replayed alone and every sample appears
/// exactly once per epoch. The last batch holds the remainder when Count is not a multiple of the batch size.
/// </summary>
public sealed class MiniBatcher
{
    private readonly DataSplit _split;
    private readonly int[] _order;
    private readonly int _seed;
    private int _epoch;
    private bool _started;

    /// <summary>Creates a batcher over <paramref name="split"/>.</summary>
    /// <param name="split">The samples to batch.</param>
    /// <param name="batchSize">Rows per batch (the last batch may hold fewer).</param>
    /// <param name="seed">Seed of the shuffle; with the epoch number it fixes the order.</param>
    public MiniBatcher(DataSplit split, int batchSize, int seed)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _split = split;
        _seed = seed;
        BatchSize = batchSize;
        _order = new int[split.Count];
        BatchesPerEpoch = (int)(((long)split.Count + batchSize - 1) / batchSize);
    }

    /// <summary>Rows per full batch.</summary>
    public int BatchSize { get; }

    /// <summary>Batches per epoch, counting a final partial batch: ⌈Count / BatchSize⌉.</summary>
    public int BatchesPerEpoch { get; }

    /// <summary>The epoch last started (0 before the first <see cref="StartEpoch"/>, when Fill is not allowed).</summary>
    public int Epoch => _epoch;

    /// <summary>Sample indices in this epoch's order.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>Number of rows in batch <paramref name="batch"/>: BatchSize, or the remainder for the last one.</summary>
    public int RowsIn(int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(batch, BatchesPerEpoch);
        return Math.Min(BatchSize, _split.Count - batch * BatchSize);
    }

    /// <summary>Shuffles the samples for <paramref name="epoch"/>; the same (seed, epoch) always gives the same order.</summary>
    public void StartEpoch(int epoch)
    {
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        var rng = new SplitMix64(((ulong)(uint)_seed << 32) | (uint)epoch);
        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = (int)rng.NextBelow((uint)i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
        _epoch = epoch;
        _started = true;
    }

    /// <summary>Copies batch <paramref name="batch"/> of the current epoch: features row-major into <paramref name="x"/>, classes into <paramref name="labels"/>.</summary>
    /// <param name="batch">Batch index in [0, BatchesPerEpoch).</param>
    /// <param name="x">Receives rows×FeatureCount values; must hold at least that many.</param>
    /// <param name="labels">Receives rows class indices; must hold at least that many.</param>
    /// <returns>The number of rows copied.</returns>
    /// <exception cref="InvalidOperationException"><see cref="StartEpoch"/> has not been called.</exception>
    /// <param name="pool">When it has several threads, rows are gathered on them (a batch is ~100 random rows of a large
    /// array, memory-bound, and otherwise the one serial stretch of a training step); the copy is the same.</param>
    public unsafe int Fill(int batch, Span<float> x, Span<int> labels, MacPool? pool = null)
    {
        if (!_started) throw new InvalidOperationException("Call StartEpoch before Fill.");
        int rows = RowsIn(batch);
        int features = _split.FeatureCount;
        if (x.Length < rows * features)
            throw new ArgumentException($"x holds {x.Length} values; batch {batch} needs {rows}×{features} = {rows * features}.", nameof(x));
        if (labels.Length < rows)
            throw new ArgumentException($"labels holds {labels.Length} values; batch {batch} needs {rows}.", nameof(labels));

        ReadOnlySpan<int> sourceLabels = _split.Labels;
        ReadOnlySpan<int> indices = _order.AsSpan(batch * BatchSize, rows);
        for (int r = 0; r < rows; r++) labels[r] = sourceLabels[indices[r]];
        fixed (float* px = x)
        {
            var gather = new Gather(_split.Features, _order, batch * BatchSize, rows, features, px);
            var tasks = pool is { Threads: > 1 } && rows >= 16 ? pool.Threads : 1;
            if (tasks > 1) pool!.Run(tasks, gather with { Tasks = tasks });
            else gather.Execute(0);
        }
        return rows;
    }

    // Rows [first + index·rows/Tasks, first + (index + 1)·rows/Tasks) of the epoch order, copied into x.
    private readonly unsafe struct Gather(float[] source, int[] order, int first, int rows, int features, float* x) : IMacPoolTask
    {
        public int Tasks { get; init; } = 1;

        public void Execute(int index)
        {
            var from = (int)((long)rows * index / Tasks);
            var to = (int)((long)rows * (index + 1) / Tasks);
            var target = new Span<float>(x, rows * features);
            for (var r = from; r < to; r++)
                source.AsSpan(order[first + r] * features, features).CopyTo(target.Slice(r * features, features));
        }
    }
}
