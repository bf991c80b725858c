namespace HwDsl;

/// <summary>Constant learning rate.</summary>
public sealed record ConstantSchedule : ScheduleSpec
{
    /// <inheritdoc />
    public override string ToString() => "Constant";
}
