namespace HwDsl.Compiler;

/// <summary>
/// The noise of one deployment of a layer: programming σ and read σ (fractions of an element's Gmax) and where the
/// standard-normal draws come from: <c>SeededRandom(Seed, Sample, Layer, stream)</c>, stream 0 for programming and 1 for
/// reads, so the same arguments replay the same deployed weights.
/// </summary>
public sealed record DeployNoise(double ProgrammingSigma, double ReadSigma, ulong Seed, int Sample, int Layer)
{
    /// <summary>Programming σ (validated: finite, ≥ 0).</summary>
    public double ProgrammingSigma { get; init; } = ProgrammingSigma >= 0 && double.IsFinite(ProgrammingSigma)
        ? ProgrammingSigma
        : throw new ArgumentOutOfRangeException(nameof(ProgrammingSigma), $"programming sigma must be finite and >= 0; got {ProgrammingSigma}.");

    /// <summary>Read σ (validated: finite, ≥ 0).</summary>
    public double ReadSigma { get; init; } = ReadSigma >= 0 && double.IsFinite(ReadSigma)
        ? ReadSigma
        : throw new ArgumentOutOfRangeException(nameof(ReadSigma), $"read sigma must be finite and >= 0; got {ReadSigma}.");

    /// <summary>No noise: deployment is the hard nearest-level mapping.</summary>
    public static DeployNoise None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Seconds after programming at which the cells are read (the device's drift and time-dependent read noise); ≥ 0.</summary>
    public double Seconds { get; init; }

    /// <summary>Which read of the same programming this is: read 0 draws its read noise from stream 1, read k &gt; 0 from stream
    /// k + 1, while the programming draws (stream 0) stay the same — so reads over time see the same programmed cells.</summary>
    public int Read { get; init; }

    /// <summary>True to apply the device's own noise and drift too (not only the σ above): a real deployment, as
    /// opposed to the ideal nearest-level mapping used to test hardware-aware training each epoch.</summary>
    public bool Intrinsic { get; init; }

    /// <summary>True when either σ is positive or the device's own noise is asked for.</summary>
    public bool IsNoisy => ProgrammingSigma > 0 || ReadSigma > 0 || Intrinsic;
}
