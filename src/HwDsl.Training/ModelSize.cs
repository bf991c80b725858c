using System.Globalization;

namespace HwDsl.Training;

/// <summary>
/// Checks before anything is allocated that a network fits: every tensor within what one .NET array can hold (a
/// product of two widths past 2³¹ would otherwise wrap around and fail deep inside the GEMM), and the whole network
/// within the memory this process may use.
/// </summary>
public static class ModelSize
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the layer, the size it needs and the limit.
    /// </summary>
    /// <param name="widths">Inputs, then each dense layer's units (the last is the classes).</param>
    /// <param name="batch">Training mini-batch rows.</param>
    /// <param name="evaluationBatch">Evaluation rows per pass.</param>
    /// <param name="copiesPerWeight">Float arrays per weight: value, gradient and optimizer buffers (Adam 2), plus any a
    /// hardware layer keeps (effective weights and their derivative).</param>
    /// <param name="availableBytes">The memory limit; null for what the GC says this process may use.</param>
    public static void Check(IReadOnlyList<int> widths, int batch, int evaluationBatch, int copiesPerWeight = 4, long? availableBytes = null)
        => Check(LayerShape.Dense(widths, copiesPerWeight), batch, evaluationBatch, availableBytes);

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the layer, the size it needs and the limit: dense and convolution
    /// layers alike (a convolution's activations are its output positions × channels per sample).
    /// </summary>
    /// <param name="layers">Every weight layer in order.</param>
    /// <param name="batch">Training mini-batch rows.</param>
    /// <param name="evaluationBatch">Evaluation rows per pass.</param>
    /// <param name="availableBytes">The memory limit; null for what the GC says this process may use.</param>
    public static void Check(IReadOnlyList<LayerShape> layers, int batch, int evaluationBatch, long? availableBytes = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0) return;
        var limit = (long)Array.MaxLength;
        long parameters = 0, stored = 0, activations = 0;
        var rows = Math.Max(batch, evaluationBatch);
        foreach (var l in layers)
        {
            var what = l.Positions == 1 ? $"{l.Name} ({l.Fan} → {l.Units})" : $"{l.Name} ({l.Fan} → {l.Units} at {N(l.Positions)} positions)";
            if (l.Fan * l.Units > limit)
                throw new ArgumentException($"{what} needs a {l.Fan}×{l.Units} weight matrix of {N(l.Fan * l.Units)} values; one array holds at most {N(limit)}. Make the layer narrower.");
            var outputs = rows * l.Positions * l.Units;
            if (outputs > limit)
                throw new ArgumentException($"{what} needs {rows}×{N(l.Positions * l.Units)} = {N(outputs)} activations per pass; one array holds at most {N(limit)}. Make the layer or the batch smaller.");
            parameters += l.Fan * l.Units + l.Units;
            stored += (l.Fan * l.Units + l.Units) * l.Copies;
            activations += rows * l.Positions * (l.Fan + l.Units);
        }
        // Values and gradients of every layer's input (a convolution's receptive fields) and output at the larger batch:
        // a generous bound, not an exact count.
        var bytes = 4 * (stored + 2 * activations);
        var available = availableBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var copies = layers.Select(l => l.Copies).Distinct().Order().ToList();
        var copiesText = copies.Count == 1 ? $"{copies[0]}" : $"{copies[0]}–{copies[^1]}";
        if (available > 0 && bytes > available)
            throw new ArgumentException($"the network needs about {Gib(bytes)} ({N(parameters)} parameters × {copiesText} copies, activations for batches of {rows}); "
                + $"this process may use {Gib(available)}. Make the layers narrower.");
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string Gib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):F1} GiB");
}
