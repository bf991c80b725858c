using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>Picks weight layers for per-layer hardware overrides in <c>On(hw, layers =&gt; …)</c>. Indices are 0-based over the
/// layers that hold weights, Dense and Conv2d, in network order (pooling, Flatten and activations are not counted).</summary>
public sealed class LayerSelector
{
    private readonly List<LayerOverride> overrides;
    private readonly Provenance onCall;

    internal LayerSelector(List<LayerOverride> overrides, Provenance onCall)
    {
        this.overrides = overrides;
        this.onCall = onCall;
    }

    /// <summary>The first weight layer, Dense or Conv2d (the one that sees the data).</summary>
    public LayerOverride First => Add(new LayerOverride(0, false, onCall, "layers.First"));

    /// <summary>The last weight layer: the Dense classifier.</summary>
    public LayerOverride Last => Add(new LayerOverride(0, true, onCall, "layers.Last"));

    /// <summary>Weight layer <paramref name="index"/> (0-based over Dense and Conv2d layers); an index beyond the network is refused at Build() (HW0120).</summary>
    /// <param name="index">0-based weight-layer index.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public LayerOverride this[int index, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0] =>
        Add(new LayerOverride(index, false, Provenance.Explicit(file, line), $"layers[{index}]"));

    private LayerOverride Add(LayerOverride o)
    {
        overrides.Add(o);
        return o;
    }
}
