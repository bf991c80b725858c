namespace HwDsl;

/// <summary>
/// A stage of an analog layer's periphery as the spec holds it: pure data, checked at <c>Build()</c> by its own
/// <see cref="Check"/> and shown in the debug view by <c>ToString()</c>; the compiler builds the stage that computes it.
/// A layer holds at most one stage of each <see cref="Name"/> (a later setting, e.g. a per-layer override, replaces an
/// earlier one), in <see cref="Position"/> order after the array.
/// </summary>
public abstract record PeripheryStageSpec
{
    /// <summary>The stage's name, e.g. <c>ColumnGainError</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Where the stage sits between the array and the digital sum: lower first.</summary>
    public abstract int Position { get; }

    /// <summary>Which part of the pipeline the stage belongs to: the input (DAC), the array (conductances) or the output
    /// (the default); <see cref="Position"/> orders stages within it.</summary>
    public virtual StagePlace Place => StagePlace.Output;

    /// <summary>True when the stage draws anew for every deployed sample (so repeated deployments differ).</summary>
    public virtual bool IsRandom => false;

    /// <summary>True when the stage changes nothing with these values (e.g. σ = 0); the compiler leaves it out.</summary>
    public virtual bool IsIdentity => false;

    /// <summary>What is wrong with the stage's values on <paramref name="layer"/>; empty when it is valid.</summary>
    /// <param name="layer">The resolved layer it applies to.</param>
    public virtual IEnumerable<StageProblem> Check(LayerHardware layer) => [];
}
