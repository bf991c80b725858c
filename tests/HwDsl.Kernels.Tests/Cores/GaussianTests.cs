using HwDsl.Kernels;

namespace HwDsl.Kernels.Tests.Cores;

public sealed class GaussianTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.84134474606854293)]
    [InlineData(-1.96, 0.024997895148220435)]
    [InlineData(2.5, 0.99379033467422384)]
    [InlineData(-3.0, 0.0013498980316300946)]
    [InlineData(-6.0, 9.8658764503769458e-10)]
    [InlineData(-10.0, 7.6198530241604696e-24)]
    public void Cdf_matches_reference_values(double z, double expected)
    {
        var got = Gaussian.Cdf(z);
        Expect.True(Math.Abs(got - expected) <= 1e-13 * Math.Max(expected, 1e-300) + 1e-300, $"Φ({z}) = {got:R}, expected {expected:R}");
    }

    [Fact]
    public void Pdf_is_the_derivative_of_cdf_on_both_sides_of_the_series_switch()
    {
        for (var z = -8.0; z <= 8.0; z += 0.37)
        {
            const double h = 1e-5;
            var numeric = (Gaussian.Cdf(z + h) - Gaussian.Cdf(z - h)) / (2 * h);
            Expect.True(Math.Abs(numeric - Gaussian.Pdf(z)) <= 1e-8, $"z = {z}: {numeric:R} vs {Gaussian.Pdf(z):R}");
        }
        Assert.Equal(1.0, Gaussian.Cdf(40));
        Assert.Equal(0.0, Gaussian.Cdf(-40));
        Assert.True(double.IsNaN(Gaussian.Cdf(double.NaN)));
    }

    [Fact]
    public void Fast_cdf_is_within_float_accuracy_of_the_exact_one()
    {
        for (var z = -9f; z <= 9f; z += 0.013f)
            Expect.True(Math.Abs(Gaussian.CdfFast(z) - Gaussian.Cdf(z)) <= 3e-7, $"z = {z}: {Gaussian.CdfFast(z)} vs {Gaussian.Cdf(z)}");
    }
}
