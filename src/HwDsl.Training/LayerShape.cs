namespace HwDsl.Training;

/// <summary>
/// One weight layer's shape as <see cref="ModelSize"/> checks it: a <paramref name="Fan"/>×<paramref name="Units"/>
/// weight matrix applied at <paramref name="Positions"/> places per sample (1 for a dense layer, the output positions of a
/// convolution), kept in <paramref name="Copies"/> float arrays per weight.
/// </summary>
/// <param name="Name">How messages name the layer, e.g. "dense layer 2" or "conv layer 1".</param>
/// <param name="Fan">Inputs per output (a convolution's receptive-field elements C·k·k).</param>
/// <param name="Units">Outputs (a convolution's output channels).</param>
/// <param name="Positions">Output positions per sample.</param>
/// <param name="Copies">Value, gradient and optimizer buffers (Adam 2), plus any a hardware layer keeps (effective
/// weights and their derivative).</param>
public readonly record struct LayerShape(string Name, long Fan, long Units, long Positions = 1, int Copies = 4)
{
    /// <summary>Layers of a dense network given by its widths: inputs, then each layer's units.</summary>
    public static IReadOnlyList<LayerShape> Dense(IReadOnlyList<int> widths, int copies = 4)
    {
        ArgumentNullException.ThrowIfNull(widths);
        return [.. Enumerable.Range(0, Math.Max(0, widths.Count - 1)).Select(i => new LayerShape($"dense layer {i + 1}", widths[i], widths[i + 1], 1, copies))];
    }
}
