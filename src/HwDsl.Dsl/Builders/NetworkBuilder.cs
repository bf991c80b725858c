using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// Describes a feed-forward network: <c>n =&gt; n.Dense(256).ClippedRelu().Dense(10)</c>, or a convolutional one,
/// <c>n =&gt; n.Conv2d(6, 5, padding: 2).Relu().MaxPool(2).Conv2d(16, 5).Relu().MaxPool(2).Flatten().Dense(120).Relu().Dense(10)</c>.
/// The input size and image shape come from the data set; the last item must be a Dense layer (softmax cross-entropy
/// follows it). Every shape is checked at Build() (HW02xx).
/// </summary>
public sealed class NetworkBuilder
{
    private readonly List<(LayerSpec Layer, Provenance Where)> items = [];

    internal NetworkBuilder() { }

    internal IReadOnlyList<(LayerSpec Layer, Provenance Where)> Items => items;

    /// <summary>A fully connected layer with <paramref name="units"/> outputs, 1..65536 (HW0201).</summary>
    /// <param name="units">Output width.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public NetworkBuilder Dense(int units, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new DenseSpec(units), file, line);

    /// <summary>
    /// A 2-D convolution over the image before it (the data set's, or the previous layer's): <paramref name="channels"/>
    /// filters of <paramref name="kernel"/>×<paramref name="kernel"/>, output side (H + 2·padding − kernel) / stride + 1.
    /// </summary>
    /// <param name="channels">Output channels (filters), 1..65536 (HW0206).</param>
    /// <param name="kernel">Kernel side ≥ 1 (HW0207), no larger than the padded input (HW0211).</param>
    /// <param name="stride">Stride ≥ 1 (HW0208).</param>
    /// <param name="padding">Zero padding on each side, 0..kernel − 1 (HW0209).</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public NetworkBuilder Conv2d(int channels, int kernel, int stride = 1, int padding = 0,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new Conv2dSpec(channels, kernel, stride, padding), file, line);

    /// <summary>
    /// Max pooling over <paramref name="size"/>×<paramref name="size"/> windows of the image before it; the windows
    /// must tile it exactly (HW0212, HW0213).
    /// </summary>
    /// <param name="size">Window side ≥ 1 (HW0210).</param>
    /// <param name="stride">Step between windows, 1..size; null (the default) is <paramref name="size"/>, windows side by side (HW0210).</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public NetworkBuilder MaxPool(int size, int? stride = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new PoolSpec(PoolKind.Max, size, stride ?? size), file, line);

    /// <summary>
    /// Average pooling over <paramref name="size"/>×<paramref name="size"/> windows of the image before it; the windows
    /// must tile it exactly (HW0212, HW0213).
    /// </summary>
    /// <param name="size">Window side ≥ 1 (HW0210).</param>
    /// <param name="stride">Step between windows, 1..size; null (the default) is <paramref name="size"/>, windows side by side (HW0210).</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public NetworkBuilder AvgPool(int size, int? stride = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new PoolSpec(PoolKind.Average, size, stride ?? size), file, line);

    /// <summary>
    /// Turns the image before it into one feature vector (C·H·W values) for the Dense layers after it; required between
    /// a Conv2d or pooling layer and a Dense layer (HW0214).
    /// </summary>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public NetworkBuilder Flatten([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new FlattenSpec(), file, line);

    /// <summary><c>max(0, x)</c>.</summary>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public NetworkBuilder Relu([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new ActivationSpec(ActivationKind.Relu), file, line);

    /// <summary><c>clip(x, 0, 1)</c>, the activation that can be quantized (<c>ActivationBits</c>).</summary>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public NetworkBuilder ClippedRelu([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new ActivationSpec(ActivationKind.ClippedRelu), file, line);

    /// <summary><c>tanh(x)</c>.</summary>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public NetworkBuilder Tanh([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new ActivationSpec(ActivationKind.Tanh), file, line);

    /// <summary><c>sign(x)</c> in {-1, +1}, for binary networks.</summary>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public NetworkBuilder Sign([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new ActivationSpec(ActivationKind.Sign), file, line);

    private NetworkBuilder Add(LayerSpec layer, string file, int line)
    {
        items.Add((layer, Provenance.Explicit(file, line)));
        return this;
    }

    internal NetworkBuilder Clone()
    {
        var c = new NetworkBuilder();
        c.items.AddRange(items);
        return c;
    }
}
