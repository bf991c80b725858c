namespace HwDsl.Contracts;

/// <summary>
/// Seeded random draws the host hands to a device. A device must take all its randomness from here (never from
/// <c>System.Random</c> or a clock), so one seed replays every deployed network.
/// <para>
/// A device should draw the same number of values per call whatever the cell's conductance, so one cell's draws never
/// shift another's (the conformance suite checks this); the count may depend on its settings and on whether σ is 0.
/// </para>
/// </summary>
public interface IRandomSource
{
    /// <summary>A standard-normal draw, N(0, 1).</summary>
    double NextNormal();

    /// <summary>A uniform draw in [0, 1).</summary>
    double NextUniform();
}
