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
}
