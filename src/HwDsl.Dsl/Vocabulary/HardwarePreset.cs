namespace HwDsl;

/// <summary>
/// A named set of hardware values with the source they come from (as aihwkit presets cite their papers).
/// Applied with <c>.Preset(name)</c> or <c>.Preset(preset)</c>; its values carry <see cref="ValueSource.Preset"/>
/// provenance, and an explicit call always wins over a preset value, whichever comes first.
/// </summary>
/// <param name="Name">Preset name, e.g. <c>ideal</c>.</param>
/// <param name="Citation">Where the values come from (paper, data sheet, measurement).</param>
/// <param name="Values">The values, in the ordinary hardware vocabulary.</param>
public sealed record HardwarePreset(string Name, string Citation, Action<HardwareScope> Values)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Citation})";
}
