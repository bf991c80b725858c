namespace HwDsl;

/// <summary>Where a value of the spec came from.</summary>
public enum ValueSource
{
    /// <summary>The DSL's default; nobody set it.</summary>
    Default,

    /// <summary>Set by a named hardware preset.</summary>
    Preset,

    /// <summary>Set by a call in the user's script.</summary>
    Explicit,

    /// <summary>Supplied by the device model when the spec was bound (e.g. its own on/off ratio, or a parameter's default).</summary>
    Device,
}
