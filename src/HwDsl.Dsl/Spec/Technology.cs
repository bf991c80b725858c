namespace HwDsl;

/// <summary>
/// A named set of per-event constants for the cost model (energy, latency and area per inference), every one with its
/// source, the way device presets cite theirs. Presets are in <see cref="Technologies"/>; a script picks one with
/// <c>hw.Technology(Technologies.NeuroSimRram32nm)</c> and overrides single constants with <c>hw.Cost(constant, value)</c>.
/// </summary>
/// <param name="Name">The preset's name, e.g. <c>neurosim-rram-32nm</c>.</param>
/// <param name="Description">What the preset describes and how its numbers were put together.</param>
/// <param name="Values">Every <see cref="CostConstant"/> exactly once.</param>
public sealed record Technology(string Name, string Description, IReadOnlyList<TechnologyValue> Values)
{
    /// <summary>Value equality over the constants.</summary>
    public IReadOnlyList<TechnologyValue> Values { get; init; } = new EquatableList<TechnologyValue>(Values ?? []);

    /// <summary>The value of <paramref name="constant"/>.</summary>
    /// <param name="constant">The constant.</param>
    /// <exception cref="KeyNotFoundException">The technology does not hold it.</exception>
    public double this[CostConstant constant] => Get(constant).Value;

    /// <summary>The constant with its unit and source.</summary>
    /// <param name="constant">The constant.</param>
    /// <exception cref="KeyNotFoundException">The technology does not hold it.</exception>
    public TechnologyValue Get(CostConstant constant) =>
        Values.FirstOrDefault(v => v.Constant == constant) ?? throw new KeyNotFoundException($"technology '{Name}' holds no value for {constant}.");

    /// <summary>A copy with <paramref name="constant"/> set to <paramref name="value"/> from <paramref name="source"/>.</summary>
    /// <param name="constant">The constant.</param>
    /// <param name="value">Its new value.</param>
    /// <param name="source">Where the new value comes from.</param>
    public Technology With(CostConstant constant, double value, string source) =>
        this with { Values = new EquatableList<TechnologyValue>(Values.Select(v => v.Constant == constant ? v with { Value = value, Source = source } : v)) };

    /// <inheritdoc />
    public override string ToString() => Name;
}
