namespace HwDsl;

/// <summary>Parameter names of the defect vocabulary (also the names used in error messages).</summary>
internal static class DefectKey
{
    internal const string Binary = "Binary";
    internal const string Open = "Defects.Open";
    internal const string Shorted = "Defects.Shorted";
    internal const string StuckRandom = "Defects.StuckRandom";
    internal const string DeviceToDevice = "DeviceToDevice";
    internal const string Dies = "Dies";

    internal static readonly string[] Rates = [Open, Shorted, StuckRandom];

    internal static readonly string[] AnalogOnly = [Binary, Open, Shorted, StuckRandom, DeviceToDevice];
}
