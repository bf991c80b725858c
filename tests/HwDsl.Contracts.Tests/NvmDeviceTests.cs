using HwDsl.Contracts;

namespace HwDsl.Contracts.Tests;

/// <summary>The built-in NVM device against the contract: monotone, bounded, correct derivative, honest noise.</summary>
public sealed class NvmDeviceTests
{
    private static readonly NvmDevice Device = NvmDevice.Instance;

    public static TheoryData<double, double, double> Elements => new()
    {
        { double.PositiveInfinity, 0, 1 },
        { 10, 0, 1 },
        { 100, 3, 1 },
        { 5, -2.5, 1.3 },
        { 1.5, 8, 0.7 },
        { 50, 1e-10, 1 },
        { 20, -1e-8, 1 },
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void Curve_is_monotone_and_within_gmin_gmax(double r, double nu, double s)
    {
        var e = new ElementParameters(r, nu, s);
        Assert.Equal(e.MinConductance, Device.Conductance(0, e), 12);
        Assert.Equal(e.MaxConductance, Device.Conductance(1, e), 12);
        var previous = double.NegativeInfinity;
        for (var i = 0; i <= 1000; i++)
        {
            var g = Device.Conductance(i / 1000.0, e);
            Assert.True(g >= previous, $"not monotone at u = {i / 1000.0}");
            Assert.InRange(g, e.MinConductance, e.MaxConductance);
            previous = g;
        }
    }

    [Theory]
    [MemberData(nameof(Elements))]
    public void Derivative_matches_central_differences(double r, double nu, double s)
    {
        var e = new ElementParameters(r, nu, s);
        const double h = 1e-6;
        for (var i = 1; i < 100; i++)
        {
            var u = i / 100.0;
            var numeric = (Device.Conductance(u + h, e) - Device.Conductance(u - h, e)) / (2 * h);
            var analytic = Device.ConductanceDerivative(u, e);
            Assert.True(Math.Abs(numeric - analytic) <= 1e-6 * Math.Max(1, Math.Abs(analytic)), $"u={u}: {analytic} vs {numeric}");
        }
    }

    [Fact]
    public void Curve_has_the_documented_shape()
    {
        // Linear ideal; finite r compresses; ν > 0 lies above the chord, ν < 0 below; the ν → 0 limit is continuous.
        Assert.Equal(0.3, Device.Conductance(0.3, ElementParameters.Ideal), 15);
        Assert.Equal(0.1 + 0.9 * 0.3, Device.Conductance(0.3, new ElementParameters(10, 0, 1)), 12);
        Assert.True(Device.Conductance(0.3, new ElementParameters(double.PositiveInfinity, 2, 1)) > 0.3 + 0.1);
        Assert.True(Device.Conductance(0.3, new ElementParameters(double.PositiveInfinity, -2, 1)) < 0.3 - 0.1);
        var expected = (1 - Math.Exp(-2 * 0.3)) / (1 - Math.Exp(-2));
        Assert.Equal(expected, Device.Conductance(0.3, new ElementParameters(double.PositiveInfinity, 2, 1)), 12);
        Assert.Equal(Device.Conductance(0.37, new ElementParameters(10, 1e-9, 1)), Device.Conductance(0.37, new ElementParameters(10, 0.99e-9, 1)), 8);
        Assert.Equal(1.2, Device.Conductance(1, new ElementParameters(10, 0.5, 1.2)), 12);
    }

    [Fact]
    public void Noise_with_zero_sigma_is_the_identity()
    {
        var e = new ElementParameters(10, 1, 1);
        foreach (var g in new[] { 0.1, 0.33, 1.0 })
            foreach (var z in new[] { -3.0, 0, 2.5 })
            {
                Assert.Equal(g, Device.Programmed(g, e, 0, z));
                Assert.Equal(g, Device.Read(g, e, 0, z));
            }
    }

    [Theory]
    [InlineData(0.01, 1.0)]
    [InlineData(0.05, 1.0)]
    [InlineData(0.03, 1.4)]
    public void Noise_has_the_declared_spread_and_stays_in_range(double sigma, double scale)
    {
        var e = new ElementParameters(20, 0.5, scale);
        var rng = new Random(5);
        var z = Enumerable.Range(0, 40_000).Select(_ => Normal(rng)).ToArray();
        var g = 0.5 * scale; // far from both clips
        foreach (var noisy in new Func<double, double>[] { zi => Device.Programmed(g, e, sigma, zi), zi => Device.Read(g, e, sigma, zi) })
        {
            var values = z.Select(noisy).ToArray();
            var mean = values.Average();
            var std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
            Assert.InRange(std, 0.97 * sigma * scale, 1.03 * sigma * scale);
            Assert.True(Math.Abs(mean - g) < 0.02 * sigma * scale);
            Assert.Equal(noisy(1.234), noisy(1.234)); // deterministic in z
        }
        // Near the ends the result is clipped to [Gmin, Gmax].
        foreach (var zi in z.Take(2000))
        {
            Assert.InRange(Device.Programmed(e.MaxConductance, e, 0.2, zi), e.MinConductance, e.MaxConductance);
            Assert.InRange(Device.Read(e.MinConductance, e, 0.2, zi), e.MinConductance, e.MaxConductance);
        }
    }

    [Fact]
    public void Invalid_parameters_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ElementParameters(1, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ElementParameters(double.NaN, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ElementParameters(10, double.PositiveInfinity, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ElementParameters(10, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Device.Programmed(0.5, ElementParameters.Ideal, -0.1, 0));
    }

    [Fact]
    public void Identity_and_version()
    {
        Assert.Equal("nvm", Device.Name);
        Assert.False(string.IsNullOrWhiteSpace(Device.Description));
        Assert.Equal(2, ContractVersion.Major);
        Assert.Equal(1, ContractVersion.Minor);   // 2.1: the optional IDeviceEnergy of the cost model (issue 21)
        Assert.Equal("2.1", ContractVersion.Text);
        Assert.True(ContractVersion.IsCompatible(2, 0));   // plugins built against 2.0 still load
        Assert.True(ContractVersion.IsCompatible(2, 1));
        Assert.False(ContractVersion.IsCompatible(1, 0));
        Assert.False(ContractVersion.IsCompatible(2, 2));
        Assert.False(ContractVersion.IsCompatible(3, 0));
        // The assembly version carries the contract version, so a host can read a plugin's reference before loading it.
        var assembly = typeof(ContractVersion).Assembly.GetName().Version!;
        Assert.Equal((ContractVersion.Major, ContractVersion.Minor), (assembly.Major, assembly.Minor));
        Assert.Equal(0, ElementParameters.Ideal.InverseOnOffRatio);
    }

    private static double Normal(Random rng)
    {
        var u1 = 1 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
