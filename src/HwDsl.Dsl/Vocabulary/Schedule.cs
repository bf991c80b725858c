namespace HwDsl;

/// <summary>Learning-rate schedules.</summary>
public static class Schedule
{
    /// <summary>Constant learning rate.</summary>
    public static ScheduleSpec Constant { get; } = new ConstantSchedule();

    /// <summary>Cosine decay to zero over the epochs (the default).</summary>
    public static ScheduleSpec Cosine { get; } = new CosineSchedule();

    /// <summary>Multiply the learning rate by <paramref name="gamma"/> every <paramref name="every"/> epochs.</summary>
    /// <param name="gamma">Factor, in (0, 1].</param>
    /// <param name="every">Epochs per step, ≥ 1.</param>
    public static ScheduleSpec Step(double gamma, int every) => new StepSchedule(gamma, every);
}
