using System.Globalization;

namespace HwDsl.Training;

/// <summary>
/// Checks before anything is allocated that a dense network fits: every tensor within what one .NET array can hold (a
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
    {
        ArgumentNullException.ThrowIfNull(widths);
        var limit = (long)Array.MaxLength;
        long parameters = 0, activations = 0;
        var rows = Math.Max(batch, evaluationBatch);
        for (var i = 0; i + 1 < widths.Count; i++)
        {
            var (fan, units) = ((long)widths[i], (long)widths[i + 1]);
            var what = $"dense layer {i + 1} ({fan} → {units})";
            if (fan * units > limit)
                throw new ArgumentException($"{what} needs a {fan}×{units} weight matrix of {N(fan * units)} values; one array holds at most {N(limit)}. Make the layer narrower.");
            if (rows * units > limit)
                throw new ArgumentException($"{what} needs {rows}×{units} = {N(rows * units)} activations per pass; one array holds at most {N(limit)}. Make the layer or the batch smaller.");
            parameters += fan * units + units;
            activations += rows * (fan + units);
        }
        // Values and gradients of every layer's input and output at the larger batch: a generous bound, not an exact count.
        var bytes = 4 * (parameters * copiesPerWeight + 2 * activations);
        var available = availableBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available > 0 && bytes > available)
            throw new ArgumentException($"the network needs about {Gib(bytes)} ({N(parameters)} parameters × {copiesPerWeight} copies, activations for batches of {rows}); "
                + $"this process may use {Gib(available)}. Make the layers narrower.");
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string Gib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):F1} GiB");
}
