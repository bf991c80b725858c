using HwDsl.Contracts;

namespace HwDsl.Plugins;

/// <summary>
/// How hosts show a device parameter's unit: in words ("1", a pure number, is "dimensionless"; "s" is "seconds"),
/// as <see cref="DeviceParameter.ToString"/> does inside the contract.
/// </summary>
public static class DeviceParameterText
{
    /// <summary>The unit of <paramref name="parameter"/> in words.</summary>
    public static string Unit(DeviceParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Words(parameter.Unit);
    }

    /// <summary><paramref name="unit"/> in words; a unit already in words ("fraction of Gmax") is kept.</summary>
    public static string Words(string? unit) => (unit ?? "").Trim() switch
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
