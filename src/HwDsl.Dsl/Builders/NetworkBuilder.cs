using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// Describes a feed-forward network: <c>n =&gt; n.Dense(256).ClippedRelu().Dense(10)</c>. The input size comes from
/// the data set; the last item must be a Dense layer (softmax cross-entropy follows it). Checked at Build() (HW02xx).
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
