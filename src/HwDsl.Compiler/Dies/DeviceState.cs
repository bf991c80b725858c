namespace HwDsl.Compiler;

/// <summary>The state of one conductance element on a die.</summary>
public enum DeviceState : byte
{
    /// <summary>Works: holds what is programmed, times its device-to-device variation factor.</summary>
    Ok,

    /// <summary>Open: stuck at Gmin.</summary>
    Open,

    /// <summary>Shorted: stuck at Gmax.</summary>
    Short,

    /// <summary>Stuck at a level (a fraction of the range, in [0, 1]).</summary>
    Stuck,
}
