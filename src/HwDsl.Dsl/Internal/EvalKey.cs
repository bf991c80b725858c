namespace HwDsl;

/// <summary>The evaluation vocabulary's keys; paths <c>Evaluation.&lt;Name&gt;</c>.</summary>
internal static class EvalKey
{
    internal static readonly SettingKey<int> Samples = new("Samples", "Evaluation.Samples");
    internal static readonly SettingKey<double> ReadSeconds = new("At", "Evaluation.ReadSeconds");
    internal static readonly SettingKey<DiePopulation?> Dies = new("Dies", "Evaluation.Dies");
    internal static readonly SettingKey<EquatableList<double>> Times = new("OverTime", "Evaluation.Times");
    internal static readonly SettingKey<bool> DriftCompensation = new("DriftCompensation", "Evaluation.DriftCompensation");
}
