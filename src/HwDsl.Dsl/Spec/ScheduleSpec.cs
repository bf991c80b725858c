namespace HwDsl;

/// <summary>A learning-rate schedule over epochs.</summary>
public abstract record ScheduleSpec
{
    private protected ScheduleSpec() { }
}
