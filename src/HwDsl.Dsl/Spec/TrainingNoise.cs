namespace HwDsl;

/// <summary>
/// Noise-aware training (<c>t.NoiseAware(...)</c>): on every mini-batch of hardware-aware training, each analog weight gets
/// a fresh draw of what programming and reading do to its level — sampled through the layer's device (its programming
/// noise, drift and read noise at <see cref="Seconds"/> after programming, and the description's σ), scaled by
/// <see cref="Scale"/> — and the per-MVM stages (<see cref="ReadNoisePerMvm"/>, <see cref="OutputNoise"/>) draw as when
/// deployed. The gradient passes through the noise unchanged.
/// </summary>
/// <param name="Scale">Multiplier of the injected deviations, in (0, 10] (HW0810); 1 injects the device's own.</param>
/// <param name="Seconds">Read time the weight noise is drawn at (drift and time-dependent read noise); null: the evaluation's read time.</param>
public sealed record TrainingNoise(double Scale, double? Seconds)
{
    /// <inheritdoc />
    public override string ToString() => $"noise-aware (scale {Format.Value(Scale)}{(Seconds is double s ? $", read at {Format.Value(s)} s" : "")})";
}
