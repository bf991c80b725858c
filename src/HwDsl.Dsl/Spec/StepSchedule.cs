namespace HwDsl;

/// <summary>Step decay: <c>lr_e = lr gamma^floor(e / every)</c>.</summary>
/// <param name="Gamma">Factor per step, in (0, 1].</param>
/// <param name="Every">Epochs per step, ≥ 1.</param>
public sealed record StepSchedule(double Gamma, int Every) : ScheduleSpec
{
    /// <inheritdoc />
    public override string ToString() => $"Step(gamma {Format.Value(Gamma)}, every {Every})";
}
