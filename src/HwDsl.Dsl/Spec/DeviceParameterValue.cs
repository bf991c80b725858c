namespace HwDsl;

/// <summary>One device parameter set by the script (<c>DeviceParameter("drift_nu", 0.06)</c>); checked by the compiler
/// against the device's declared parameters.</summary>
/// <param name="Name">The parameter name as the device declares it.</param>
/// <param name="Value">Its value (finite).</param>
public sealed record DeviceParameterValue(string Name, double Value);
