namespace HwDsl;

/// <summary>
/// Hardware settings for one weight layer (Dense or Conv2d), on top of the experiment's hardware (same vocabulary, e.g.
/// <c>layers.First.Digital()</c>, <c>layers[1].WeightBits(8)</c>). Obtained from <see cref="LayerSelector"/>.
/// </summary>
public sealed class LayerOverride : HardwareScope
{
    internal LayerOverride(int index, bool fromEnd, Provenance where, string name)
        : base(new SettingBag(), [])
    {
        Index = index;
        FromEnd = fromEnd;
        Where = where;
        ScopeName = name;
    }

    /// <summary>0-based weight-layer index, or (with <see cref="FromEnd"/>) the offset from the last layer.</summary>
    internal int Index { get; }

    internal bool FromEnd { get; }

    internal Provenance Where { get; }

    internal override string ScopeName { get; }

    internal int Resolve(int denseCount) => FromEnd ? denseCount - 1 - Index : Index;

    internal LayerOverride Clone()
    {
        var c = new LayerOverride(Index, FromEnd, Where, ScopeName);
        foreach (var (k, v) in Settings.All) c.Settings.Copy(k, v);
        c.Pending.AddRange(Pending);
        return c;
    }
}
