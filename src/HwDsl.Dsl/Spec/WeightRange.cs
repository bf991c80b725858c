namespace HwDsl;

/// <summary>How <c>w_max</c>, the weight mapped to Gmax, is chosen per layer.</summary>
public abstract record WeightRange
{
    private protected WeightRange() { }

    /// <summary><c>w_max = max |w|</c> of the layer's current weights.</summary>
    public static WeightRange MaxAbs { get; } = new MaxAbsWeightRange();

    /// <summary>A fixed <c>w_max</c> (&gt; 0, finite); weights beyond it are clipped.</summary>
    /// <param name="value">w_max.</param>
    public static WeightRange Fixed(double value) => new FixedWeightRange(value);

    /// <summary><c>w_max</c> trained with the weights in hardware-aware training (see <see cref="LearnedWeightRange"/>; HW0310).</summary>
    public static WeightRange Learned { get; } = new LearnedWeightRange();
}
