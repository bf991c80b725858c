namespace HwDsl.Contracts;

/// <summary>
/// A device model: the transfer curve of one programmable conductance element and its programming and read noise.
/// Implementations must be deterministic pure functions of their arguments (random draws are supplied by the host as
/// standard-normal <c>z</c> values from its seeded generator), so results replay from a seed.
/// </summary>
/// <remarks>
/// This is version 1.0 of the contract (<see cref="ContractVersion"/>) and deliberately small. The plugin issue will
/// extend it with described parameters (ranges, units), presets citing their sources, conductance drift over time and
/// device defects (stuck-on / stuck-off, device-to-device variation).
/// </remarks>
public interface IDeviceModel
{
    /// <summary>A short unique name, e.g. "nvm".</summary>
    string Name { get; }

    /// <summary>The model's own version, e.g. "1.0.0".</summary>
    string Version { get; }

    /// <summary>One line saying what the model is and where it comes from.</summary>
    string Description { get; }

    /// <summary>
    /// The conductance reached when programming the fraction <paramref name="u"/> ∈ [0, 1] of the range (level k of
    /// L is u = k/(L−1)). Must be monotone non-decreasing in u and lie within [Scale/r, Scale].
    /// </summary>
    double Conductance(double u, ElementParameters element);

    /// <summary>dG/du of <see cref="Conductance"/> at <paramref name="u"/>.</summary>
    double ConductanceDerivative(double u, ElementParameters element);

    /// <summary>
    /// The conductance actually programmed when aiming at <paramref name="g"/>, for a programming noise of
    /// <paramref name="sigma"/> (a fraction of the element's Gmax) and one standard-normal draw <paramref name="z"/>;
    /// clipped to the element's [Gmin, Gmax]. With sigma = 0 it returns <paramref name="g"/>.
    /// </summary>
    double Programmed(double g, ElementParameters element, double sigma, double z);

    /// <summary>
    /// One noisy read of an element holding <paramref name="g"/>, for a read noise of <paramref name="sigma"/>
    /// (a fraction of the element's Gmax) and one standard-normal draw <paramref name="z"/>; clipped to the element's
    /// [Gmin, Gmax]. With sigma = 0 it returns <paramref name="g"/>.
    /// </summary>
    double Read(double g, ElementParameters element, double sigma, double z);
}
