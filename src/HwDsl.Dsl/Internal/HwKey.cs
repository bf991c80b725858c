namespace HwDsl;

/// <summary>Parameter names of the hardware vocabulary (also the names used in error messages).</summary>
internal static class HwKey
{
    internal const string Digital = "Digital";
    internal const string Mapping = "Mapping";
    internal const string Device = "Device";
    internal const string WeightBits = "WeightBits";
    internal const string InputBits = "InputBits";
    internal const string ActivationBits = "ActivationBits";
    internal const string OnOffRatio = "OnOffRatio";
    internal const string Asymmetry = "Asymmetry";
    internal const string NonLinearity = "NonLinearity";
    internal const string NegativeOnOffRatio = "NegativeElement.OnOffRatio";
    internal const string NegativeNonLinearity = "NegativeElement.NonLinearity";
    internal const string Range = "WeightRange";
    internal const string ProgrammingSigma = "ProgrammingNoise";
    internal const string ReadSigma = "ReadNoise";

    /// <summary>Parameters that only mean something on an analog layer.</summary>
    internal static readonly string[] AnalogOnly =
    [
        WeightBits, InputBits, ActivationBits, OnOffRatio, Asymmetry, NonLinearity,
        NegativeOnOffRatio, NegativeNonLinearity, ProgrammingSigma, ReadSigma,
    ];
}
