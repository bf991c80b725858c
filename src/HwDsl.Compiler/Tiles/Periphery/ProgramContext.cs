using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// One programming of a layer's array: the seed and sample that drew its conductances, whether noise was applied, and
/// when it is read. <see cref="Random"/> gives a stage its own stream, so its draws replay with the sample and do not
/// disturb the programming draws.
/// </summary>
/// <param name="Seed">The experiment's seed.</param>
/// <param name="Sample">The deployed sample (0 for the noise-free deployment of hardware-aware training).</param>
/// <param name="Layer">The layer's index.</param>
/// <param name="Noisy">True for a real deployment (noise, the device's own effects), false for the ideal mapping.</param>
/// <param name="Seconds">Read time after programming.</param>
public sealed record ProgramContext(int Seed, int Sample, int Layer, bool Noisy, double Seconds)
{
    /// <summary>Which read of the same programming this is (0 for the first; reads over time count up), so each read draws
    /// its own read noise while the programmed cells stay the same.</summary>
    public int Read { get; init; }

    /// <summary>A generator for stage <paramref name="stage"/> (a constant of the stage) and tile <paramref name="tile"/>.</summary>
    public SeededRandom Random(ulong stage, int tile) => new((ulong)Seed, 0x5747E, stage, (ulong)Sample, (ulong)Layer, (ulong)tile);
}
