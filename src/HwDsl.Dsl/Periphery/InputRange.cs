namespace HwDsl;

/// <summary>
/// The input DAC's range, the stage in front of a tile's rows: inputs are scaled by a full-scale value α, clipped to
/// [0, 1] (or [−1, 1] after a signed activation) and quantized to <c>InputBits</c> levels (float when unset); the digital
/// result is multiplied back by α after the tile's output stages. <see cref="Fixed"/>: α = b for the network's input DAC
/// (the default, b = 1; hidden layers take the previous layer's quantized activation); <see cref="Dynamic"/>: α = max|x|
/// per input vector and row block of tiles ("noise management"), on every layer it is set on; <see cref="Learned"/>: a
/// clip range per layer trained in hardware-aware training (straight-through gradient), on every layer it is set on.
/// <c>hw.InputRange(InputRange.Dynamic)</c>; bounds finite and &gt; 0 (HW0808).
/// </summary>
public abstract record InputRange : PeripheryStageSpec
{
    /// <summary>α = <paramref name="bound"/> for the network's input (its first layer): inputs in [0, b].</summary>
    /// <param name="bound">The full-scale input.</param>
    public static InputRange Fixed(double bound) => new FixedInputRange(bound);

    /// <summary>α = max|x| per input vector and row block of tiles, taken anew for every vector (costs one max per vector).</summary>
    public static InputRange Dynamic { get; } = new DynamicInputRange();

    /// <summary>A clip range per layer, starting at <paramref name="initial"/> and trained with the weights in hardware-aware
    /// training (∂y/∂α = 1 where the input clips, q(u) − u inside: the LSQ/PACT straight-through rule).</summary>
    /// <param name="initial">The range before training.</param>
    public static InputRange Learned(double initial = 1) => new LearnedInputRange(initial);

    /// <inheritdoc />
    public sealed override string Name => nameof(InputRange);

    /// <inheritdoc />
    public sealed override int Position => 0;

    /// <inheritdoc />
    public sealed override StagePlace Place => StagePlace.Input;

    /// <summary>The bound to check, or null when there is none.</summary>
    protected virtual double? CheckedBound => null;

    /// <inheritdoc />
    public override IEnumerable<StageProblem> Check(LayerHardware layer)
    {
        if (CheckedBound is double b && !(b > 0 && double.IsFinite(b)))
            yield return new StageProblem(RuleCodes.InputRange, "InputRange.bound", b, $"{this} needs a finite bound > 0; got {Format.Value(b)}.");
    }
}
