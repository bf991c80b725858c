namespace HwDsl;

/// <summary>
/// A mutable description of the hardware every layer runs on; start with <see cref="Hardware"/>.
/// Calls mutate and return the builder; <see cref="With"/> makes a modified copy for comparisons and sweeps.
/// An experiment takes a copy in <c>On(hw)</c>, so later changes to this builder do not leak into it.
/// </summary>
public sealed class HardwareBuilder : HardwareScope
{
    internal HardwareBuilder() : base(new SettingBag(), []) { }

    private HardwareBuilder(HardwareBuilder from) : base(from.Settings.Clone(), [.. from.Pending]) { }

    internal override string ScopeName => "hardware";

    /// <summary>A copy of this hardware with <paramref name="change"/> applied; this builder is not changed.</summary>
    /// <param name="change">The changes, e.g. <c>h =&gt; h.WeightBits(2)</c>.</param>
    /// <example><code>var sweep = new[] { 1, 2, 4, 8 }.Select(b =&gt; hw.With(h =&gt; h.WeightBits(b)));</code></example>
    public HardwareBuilder With(Action<HardwareBuilder> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var copy = Clone();
        change(copy);
        return copy;
    }

    /// <summary>A copy per value, each with <paramref name="change"/> applied to that value (a one-parameter sweep).</summary>
    /// <typeparam name="T">Value type.</typeparam>
    /// <param name="values">The values to sweep.</param>
    /// <param name="change">How a value changes the hardware, e.g. <c>(h, b) =&gt; h.WeightBits(b)</c>.</param>
    public IReadOnlyList<HardwareBuilder> Sweep<T>(IEnumerable<T> values, Action<HardwareBuilder, T> change)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(change);
        return [.. values.Select(v => With(h => change(h, v)))];
    }

    internal HardwareBuilder Clone() => new(this);
}
