namespace HwDsl;

/// <summary>The cost vocabulary's keys (global hardware only): path <c>Cost.Technology</c>, <c>Cost.&lt;constant&gt;</c>, <c>Cost.TileSchedule</c>.</summary>
internal static class CostKey
{
    internal const string Prefix = "Cost.";

    internal static readonly SettingKey<Technology?> Technology = new("Technology", Prefix + "Technology");

    internal static readonly SettingKey<TileSchedule> Schedule = new("TileSchedule", Prefix + "TileSchedule");

    /// <summary>One constant: messages say <c>Cost(AdcWaldenFom)</c>.</summary>
    internal static SettingKey<double> Constant(CostConstant constant) => new($"Cost({constant})", Prefix + constant);
}
