namespace HwDsl.Contracts.Tests.Conformance;

/// <summary>A device that breaks the contract in several ways, to show the suite catches them.</summary>
internal sealed class BrokenModel : IDeviceModel, IDevice
{
    public string Name => "broken";
    public string Version => "0.1";
    public string Description => "breaks the contract on purpose";
    public IReadOnlyList<DeviceParameter> Parameters { get; } = [];
    public IReadOnlyList<DevicePreset> Presets { get; } = [];
    public IDevice Configure(DeviceSettings settings) => this;
    public int MaxBits => 4;
    public double? OnOffRatio => 10;
    public bool Drifts => true;
    public DefectRates Defects => DefectRates.None;

    // A dip between u = 0.5 and 0.6, and a derivative that ignores it.
    public double Conductance(double u, ElementParameters e) => DeviceMath.OnRange(u is > 0.5 and < 0.6 ? 0.3 : Math.Clamp(u, 0, 1), e);
    public double ConductanceDerivative(double u, ElementParameters e) => e.Scale;

    public CellState Program(double target, ElementParameters e, double sigma, IRandomSource random)
        => new(target, target + 2 * (0.01 + sigma) * e.Scale * random.NextNormal());
    public double ProgrammingSigma(double target, ElementParameters e, double sigma) => (0.01 + sigma) * e.Scale;

    // Goes down, then back up.
    public double Drift(CellState cell, ElementParameters e, double seconds) => cell.Conductance * (1 + Math.Abs(Math.Log10(1 + seconds) - 3) / 10 - 0.3);
    public double Read(CellState cell, ElementParameters e, double sigma, double seconds, IRandomSource random) => Drift(cell, e, seconds);
    public double ReadSigma(CellState cell, ElementParameters e, double sigma, double seconds) => 0;
    public double Defective(DefectKind kind, ElementParameters e, IRandomSource random) => e.MinConductance;
}
