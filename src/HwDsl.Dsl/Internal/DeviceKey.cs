namespace HwDsl;

/// <summary>Setting names of the device-configuration vocabulary (<see cref="HardwareDeviceExtensions"/>).</summary>
internal static class DeviceKey
{
    internal const string Preset = "DevicePreset";

    /// <summary>Prefix of one device parameter's setting: <c>DeviceParameters.drift_nu</c>.</summary>
    internal const string ParameterPrefix = "DeviceParameters.";

    internal const string ReadTime = "ReadTime";

    internal static string Parameter(string name) => ParameterPrefix + name;

    internal static bool IsParameter(string key) => key.StartsWith(ParameterPrefix, StringComparison.Ordinal);
}
