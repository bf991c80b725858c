using HwDsl.Contracts;
using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>The contract's <see cref="IRandomSource"/> over the kernels' seeded xoshiro256** generator.</summary>
public sealed class SeededRandomSource(SeededRandom random) : IRandomSource
{
    /// <summary>A source for <c>SeededRandom(seed, streams)</c>.</summary>
    public SeededRandomSource(ulong seed, params ReadOnlySpan<ulong> streams) : this(new SeededRandom(seed, streams)) { }

    /// <inheritdoc />
    public double NextNormal() => random.NextNormal();

    /// <inheritdoc />
    public double NextUniform() => random.NextDouble();
}
