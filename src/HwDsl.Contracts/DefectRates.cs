namespace HwDsl.Contracts;

/// <summary>
/// Fractions of cells that are open, shorted or stuck at a random state — a device's typical yield, used when an
/// experiment asks for the device's own defects. Each rate is in [0, 1] and their sum at most 1.
/// </summary>
/// <param name="Open">Fraction of open cells.</param>
/// <param name="Short">Fraction of shorted cells.</param>
/// <param name="StuckAtRandom">Fraction of cells stuck at a random state.</param>
public sealed record DefectRates(double Open, double Short, double StuckAtRandom)
{
    /// <summary>Fraction of open cells (validated: in [0, 1]).</summary>
    public double Open { get; init; } = Rate(Open, nameof(Open));

    /// <summary>Fraction of shorted cells (validated: in [0, 1]).</summary>
    public double Short { get; init; } = Rate(Short, nameof(Short));

    /// <summary>Fraction of cells stuck at a random state (validated: in [0, 1]).</summary>
    public double StuckAtRandom { get; init; } = Rate(StuckAtRandom, nameof(StuckAtRandom));

    /// <summary>No defects.</summary>
    public static DefectRates None { get; } = new(0, 0, 0);

    /// <summary>The fraction of cells with any defect.</summary>
    public double Total => Open + Short + StuckAtRandom;

    private static double Rate(double value, string name) => value is >= 0 and <= 1
        ? value
        : throw new ArgumentOutOfRangeException(name, $"defect rate {name} must be in [0, 1]; got {value}.");
}
