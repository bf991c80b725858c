namespace HwDsl.Contracts;

/// <summary>
/// A configured device: the physics of one programmable conductance element. Conductances are normalized so that the
/// positive element's Gmax = 1; <see cref="ElementParameters"/> carries the element's on/off ratio r, bend ν and scale s
/// (Gmin = s/r, Gmax = s), which the hardware description (or <see cref="OnOffRatio"/>) decides.
/// <para>
/// The life of a cell: <see cref="Conductance"/> gives the target for a programmed level u; <see cref="Program"/> writes
/// it (programming noise, per-cell drift exponent); <see cref="Drift"/> gives its noiseless conductance t seconds later;
/// <see cref="Read"/> gives one noisy read at that time. Everything is a pure function of its arguments and the draws
/// taken from the <see cref="IRandomSource"/>, so a seed replays it.
/// </para>
/// <para>
/// The σ arguments are the hardware description's generic additive noise (a fraction of the element's Gmax), applied on
/// top of whatever noise the device itself has; with σ = 0 only the device's own noise remains.
/// </para>
/// </summary>
public interface IDevice
{
    /// <summary>The most bits per element the device can hold (1 for a binary device such as an MTJ).</summary>
    int MaxBits { get; }

    /// <summary>
    /// Gmax/Gmin that the device's physics implies (e.g. 1 + TMR for an MTJ), used when the hardware description does
    /// not set an on/off ratio itself; null when the hardware description decides.
    /// </summary>
    double? OnOffRatio { get; }

    /// <summary>True when <see cref="Drift"/> changes conductance over time.</summary>
    bool Drifts { get; }

    /// <summary>The device's typical defect rates (<see cref="DefectRates.None"/> when it has none on record).</summary>
    DefectRates Defects { get; }

    /// <summary>
    /// The conductance aimed at when programming the fraction <paramref name="u"/> ∈ [0, 1] of the range (level k of
    /// L is u = k/(L−1)): monotone non-decreasing in u, within [Gmin, Gmax], Gmin at 0 and Gmax at 1.
    /// </summary>
    /// <param name="u">Programmed fraction, clipped to [0, 1].</param>
    /// <param name="element">The element's r, ν, s.</param>
    double Conductance(double u, ElementParameters element);

    /// <summary>dG/du of <see cref="Conductance"/> at <paramref name="u"/> (0 outside [0, 1]).</summary>
    /// <param name="u">Programmed fraction.</param>
    /// <param name="element">The element's r, ν, s.</param>
    double ConductanceDerivative(double u, ElementParameters element);

    /// <summary>
    /// Writes <paramref name="target"/> into a cell: the conductance reached (programming noise, the device's own and
    /// σ·s), and any per-cell state such as a drift exponent.
    /// </summary>
    /// <param name="target">The conductance aimed at (a value of <see cref="Conductance"/>).</param>
    /// <param name="element">The element's r, ν, s.</param>
    /// <param name="sigma">Extra additive programming noise, a fraction of Gmax, ≥ 0.</param>
    /// <param name="random">Where the draws come from.</param>
    CellState Program(double target, ElementParameters element, double sigma, IRandomSource random);

    /// <summary>
    /// The standard deviation of <see cref="Program"/>'s conductance around <paramref name="target"/> before any clipping:
    /// what the conformance suite checks sampled noise against.
    /// </summary>
    /// <param name="target">The conductance aimed at.</param>
    /// <param name="element">The element's r, ν, s.</param>
    /// <param name="sigma">Extra additive programming noise, a fraction of Gmax, ≥ 0.</param>
    double ProgrammingSigma(double target, ElementParameters element, double sigma);

    /// <summary>
    /// The noiseless conductance of <paramref name="cell"/> <paramref name="seconds"/> after programming; exactly
    /// <see cref="CellState.Conductance"/> at 0 and for a device that does not drift; monotone in time.
    /// </summary>
    /// <param name="cell">The programmed cell.</param>
    /// <param name="element">The element's r, ν, s.</param>
    /// <param name="seconds">Time since programming, ≥ 0.</param>
    double Drift(CellState cell, ElementParameters element, double seconds);

    /// <summary>One noisy read of <paramref name="cell"/> <paramref name="seconds"/> after programming: <see cref="Drift"/> plus read noise.</summary>
    /// <param name="cell">The programmed cell.</param>
    /// <param name="element">The element's r, ν, s.</param>
    /// <param name="sigma">Extra additive read noise, a fraction of Gmax, ≥ 0.</param>
    /// <param name="seconds">Time since programming, ≥ 0.</param>
    /// <param name="random">Where the draws come from.</param>
    double Read(CellState cell, ElementParameters element, double sigma, double seconds, IRandomSource random);

    /// <summary>The standard deviation of <see cref="Read"/> around <see cref="Drift"/> before any clipping.</summary>
    /// <param name="cell">The programmed cell.</param>
    /// <param name="element">The element's r, ν, s.</param>
    /// <param name="sigma">Extra additive read noise, a fraction of Gmax, ≥ 0.</param>
    /// <param name="seconds">Time since programming, ≥ 0.</param>
    double ReadSigma(CellState cell, ElementParameters element, double sigma, double seconds);

    /// <summary>What a cell with defect <paramref name="kind"/> reads as (a stuck-at-random cell draws its state here).</summary>
    /// <param name="kind">The defect.</param>
    /// <param name="element">The element's r, ν, s.</param>
    /// <param name="random">Where the draws come from.</param>
    double Defective(DefectKind kind, ElementParameters element, IRandomSource random);
}
