namespace HwDsl.Kernels;

/// <summary>
/// The worker threads the MAC core runs on. <see cref="Shared"/> uses every core; create one with a
/// fixed thread count for reproducible or measured runs.
/// </summary>
public sealed class MacPool : IDisposable
{
    /// <summary>Creates a pool of <paramref name="threads"/> workers (the calling thread counts as one).</summary>
    public MacPool(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), $"threads must be at least 1; got {threads}.");
        Threads = threads;
    }

    /// <summary>A pool over all cores of this machine.</summary>
    public static MacPool Shared { get; } = new(Environment.ProcessorCount);

    /// <summary>How many threads run work (including the caller).</summary>
    public int Threads { get; }

    /// <inheritdoc />
    public void Dispose() { }
}
