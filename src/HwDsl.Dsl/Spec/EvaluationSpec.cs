namespace HwDsl;

/// <summary>
/// Evaluation. NaiveMapping and HardwareAware always evaluate the hard deployed model,
/// <see cref="Samples"/> times with fresh programming-noise draws (mean and spread reported);
/// Float mode evaluates the float network once (<see cref="Deployed"/> is false).
/// </summary>
/// <param name="Samples">Programming-noise draws, ≥ 1.</param>
public sealed record EvaluationSpec(int Samples)
{
    /// <summary>True when the deployed hardware model is evaluated (every mode except Float).</summary>
    public bool Deployed { get; init; } = true;

    /// <summary>Seconds after programming at which the deployed network is read (drift and time-dependent read noise); 0 by default.</summary>
    public double ReadSeconds { get; init; }

    /// <summary>The dies the deployed network is evaluated on (one accuracy per die), or null for the noise samples.</summary>
    public DiePopulation? Dies { get; init; }

    /// <summary>Read times (seconds after programming, ascending) of <c>OverTime(...)</c>: each deployed sample is programmed
    /// once and read at every time, with and without global drift compensation; empty for a single read.</summary>
    public IReadOnlyList<double> Times { get; init; } = new EquatableList<double>([]);

    /// <summary>Global drift compensation (<c>DriftCompensation()</c>): each tile's digital outputs are scaled by the ratio
    /// of its calibration read right after programming to the same read now (one scalar per tile).</summary>
    public bool DriftCompensation { get; init; }
}
