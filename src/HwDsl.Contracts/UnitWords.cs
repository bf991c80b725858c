namespace HwDsl.Contracts;

/// <summary>
/// A parameter's unit as people read it in a listing or a message: "1" (a pure number) is "dimensionless", "s" is
/// "seconds"; a unit already in words ("fraction of Gmax") stays. The contract's own messages and the host's listings
/// (HwDsl.Plugins' DeviceParameterText) both read this one table, so a unit reads the same everywhere.
/// </summary>
public static class UnitWords
{
    /// <summary><paramref name="unit"/> in words; a unit already in words is kept.</summary>
    /// <param name="unit">A unit as a device declares it, e.g. <c>"1"</c>, <c>"s"</c>, <c>"uS"</c>.</param>
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
