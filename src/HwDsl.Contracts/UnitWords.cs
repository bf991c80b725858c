namespace HwDsl.Contracts;

/// <summary>
/// A parameter's unit as people read it in a listing or a message: "1" (a pure number) is "dimensionless", "s" is
/// "seconds"; a unit already in words ("fraction of Gmax") stays. The host's listings use the same words
/// (HwDsl.Plugins' DeviceParameterText), so a unit reads the same everywhere.
/// </summary>
internal static class UnitWords
{
    public static string Of(string? unit) => (unit ?? "").Trim() switch
    {
        "" or "1" or "-" => "dimensionless",
        "s" => "seconds",
        "ms" => "milliseconds",
        "us" or "µs" => "microseconds",
        "ns" => "nanoseconds",
        "S" => "siemens",
        "uS" or "µS" => "microsiemens",
        "V" => "volts",
        "K" => "kelvin",
        "Hz" => "hertz",
        var words => words,
    };
}
