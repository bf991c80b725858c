namespace HwDsl.Contracts;

/// <summary>
/// What a device remembers about one programmed cell: the conductance aimed at, the conductance reached, and a
/// per-cell drift exponent (0 when the device does not drift). Returned by <see cref="IDevice.Program"/> and passed
/// back to <see cref="IDevice.Drift"/> and <see cref="IDevice.Read"/>.
/// </summary>
/// <param name="Target">The conductance the write aimed at (the transfer curve's value).</param>
/// <param name="Conductance">The conductance reached right after programming (at t = 0).</param>
/// <param name="DriftExponent">This cell's drift exponent ν (G(t) ∝ t^(−ν) for a power-law device), or 0.</param>
public readonly record struct CellState(double Target, double Conductance, double DriftExponent = 0);
