using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// Where a per-MVM noise stage draws from: as deployed, from (seed, sample, read, layer, tile, pass, chunk of rows) of the programming it
/// belongs to; in noise-aware training, from (seed, layer, tile, pass, chunk) of the training run. So a deployed evaluation
/// replays for its sample and read, and every pass draws anew.
/// </summary>
internal sealed class NoiseDraws(ulong stream, int seed, int layer)
{
    private ProgramContext? _deployed;

    /// <summary>True when the last programming was a real (noisy) deployment.</summary>
    internal bool Noisy => _deployed is { Noisy: true };

    internal void Program(ProgramContext context) => _deployed = context;

    internal SeededRandom For(NetworkPhase phase, TileBounds tile, long pass, int chunk) => phase == NetworkPhase.Deployed && _deployed is { } d
        ? new SeededRandom((ulong)d.Seed, stream, 0, (ulong)d.Sample, (ulong)d.Read, (ulong)d.Layer, (ulong)tile.Index, (ulong)pass, (ulong)chunk)
        : new SeededRandom((ulong)seed, stream, 1, (ulong)layer, (ulong)tile.Index, (ulong)pass, (ulong)chunk);
}
