namespace HwDsl.Compiler;

/// <summary>One die: the device map of every binary array of the network (by Dense layer index).</summary>
/// <param name="Name">e.g. <c>die 3 (seed 1)</c> or the file it was read from.</param>
/// <param name="Arrays">One entry per binary Dense layer, in layer order.</param>
public sealed record DieMap(string Name, IReadOnlyList<ArrayDefects> Arrays)
{
    /// <summary>The array of Dense layer <paramref name="layer"/>, or null when that layer has no devices.</summary>
    public ArrayDefects? For(int layer) => Arrays.FirstOrDefault(a => a.Layer == layer);

    /// <summary>True when both dies hold the same devices.</summary>
    public bool SameAs(DieMap other) => Arrays.Count == other.Arrays.Count && Arrays.Zip(other.Arrays).All(p => p.First.SameAs(p.Second));

    /// <inheritdoc />
    public override string ToString() => Name;
}
