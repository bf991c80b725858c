namespace HwDsl.Contracts;

/// <summary>
/// What one cell of a device costs to read and to program, for the cost model (energy per inference, programming energy).
/// A device model declares it by implementing <see cref="IDeviceEnergy"/>; without it the technology preset's cell read
/// energy V²·G_on·t_read and its programming pulse energy apply.
/// </summary>
/// <param name="ReadEnergy">Energy of one read of a fully-on cell (G = Gmax at the read voltage for the read pulse), joules, &gt; 0:
/// <c>E = V_read²·G_max·t_read</c>.</param>
/// <param name="ProgramPulseEnergy">Energy of one programming pulse, joules, &gt; 0.</param>
/// <param name="Citation">Where the two numbers come from (paper, table, and which values are assumptions).</param>
public sealed record DeviceEnergy(double ReadEnergy, double ProgramPulseEnergy, string Citation);
