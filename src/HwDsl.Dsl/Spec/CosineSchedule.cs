namespace HwDsl;

/// <summary>Cosine decay to zero over the epochs: <c>lr_e = lr (1 + cos(pi e / E)) / 2</c>.</summary>
public sealed record CosineSchedule : ScheduleSpec
{
    /// <inheritdoc />
    public override string ToString() => "Cosine";
}
