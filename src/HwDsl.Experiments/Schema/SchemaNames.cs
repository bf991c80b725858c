using System.Text.Json;

namespace HwDsl.Experiments;

/// <summary>How run folders spell things: snake_case names and enum values (<c>HardwareAware</c> → <c>hardware_aware</c>).</summary>
public static class SchemaNames
{
    /// <summary>snake_case of a .NET name.</summary>
    public static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>snake_case of an enum value.</summary>
    public static string Snake<T>(T value) where T : struct, Enum => Snake(value.ToString());

    /// <summary>The training recipe's gradient through the hardware: <c>sigmoid_relaxation</c>, <c>ste</c> (straight-through
    /// estimator) or <c>none</c> (float and naive-mapping training do not see the hardware).</summary>
    public static string WeightGradient(TrainingSpec training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return training.Mode != TrainingMode.HardwareAware ? "none" : training.Relaxation switch
        {
            SigmoidRelaxation => "sigmoid_relaxation",
            SteRelaxation => "ste",
            _ => "none",
        };
    }

    /// <summary>The learning-rate schedule: <c>constant</c>, <c>cosine</c> or <c>step</c>.</summary>
    public static string Schedule(ScheduleSpec schedule) => schedule switch
    {
        CosineSchedule => "cosine",
        StepSchedule => "step",
        _ => "constant",
    };
}
