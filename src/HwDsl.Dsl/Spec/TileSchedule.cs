namespace HwDsl;

/// <summary>How the tiles of one layer compute an MVM, for the latency estimate.</summary>
public enum TileSchedule
{
    /// <summary>Every tile of a layer has its own periphery and computes at once: a layer's MVM takes as long as its slowest tile.</summary>
    Parallel,

    /// <summary>The tiles of a layer take turns (one shared periphery): a layer's MVM takes the sum of its tiles' times.</summary>
    Sequential,
}
