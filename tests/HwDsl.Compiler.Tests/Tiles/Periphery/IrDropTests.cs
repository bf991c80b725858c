using HwDsl.Kernels;
using static HwDsl.Compiler.Tests.PeripheryNet;

namespace HwDsl.Compiler.Tests;

/// <summary>IR drop: the first-order folded conductances against the exact nodal solve of the same crossbar, the prefix-sum
/// fold against the equations written out, and its effect on the deployed layer.</summary>
public sealed class IrDropTests
{
    private static double[] Uniform(int n, int seed, double lo = 0.1, double hi = 1)
    {
        var rng = new SeededRandom((ulong)seed);
        return [.. Enumerable.Range(0, n).Select(_ => lo + (hi - lo) * rng.NextDouble())];
    }

    private static double RelativeError(double[] y, double[] exact) =>
        Enumerable.Range(0, y.Length).Max(j => Math.Abs(y[j] - exact[j])) / exact.Max(Math.Abs);

    [Theory]
    [InlineData(1e-3, 0.08, 0.015)]
    [InlineData(1e-4, 0.008, 0.0002)]
    public void First_order_model_is_second_order_close_to_the_exact_solve_of_a_16_by_12_array(double r, double idealAtLeast, double firstOrderAtMost)
    {
        const int rows = 16, columns = 12;
        var g = Uniform(rows * columns, 21);
        var x = Uniform(rows, 22, 0, 1);
        var exact = CrossbarSolver.Solve(g, rows, columns, r, x);
        var ideal = RelativeError(CrossbarSolver.Ideal(g, rows, columns, x), exact);
        var first = RelativeError(CrossbarSolver.Ideal(CrossbarSolver.FirstOrder(g, rows, columns, r), rows, columns, x), exact);
        Assert.True(ideal > idealAtLeast, $"ideal output off by {ideal:P3} at r = {r}");
        Assert.True(first < firstOrderAtMost, $"first-order output off by {first:P4} at r = {r} (ideal {ideal:P3})");
        Assert.True(first < 0.15 * ideal);
        Assert.True(exact.Zip(CrossbarSolver.Ideal(g, rows, columns, x)).All(p => p.First < p.Second), "wire resistance only lowers the column currents");
    }

    [Fact]
    public void Prefix_sum_fold_equals_the_equations_written_out()
    {
        const int rows = 7, columns = 5;
        const double r = 3e-3;
        var g = Uniform(rows * columns, 23);
        var folded = CrossbarSolver.FirstOrder(g, rows, columns, r);
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
            {
                double rowTerm = 0, columnTerm = 0;
                for (var k = 0; k < columns; k++) rowTerm += g[i * columns + k] * Math.Min(j + 1, k + 1);
                for (var l = 0; l < rows; l++) columnTerm += g[l * columns + j] * (rows - Math.Max(i + 1, l + 1) + 1);
                var expected = g[i * columns + j] * (1 - r * rowTerm - r * columnTerm);
                Assert.Equal(expected, folded[i * columns + j], 12);
            }
    }

    [Fact]
    public void Exact_solve_refuses_bad_shapes_and_goes_to_the_ideal_array_as_r_vanishes()
    {
        var g = Uniform(12, 24);
        var x = Uniform(4, 25, 0, 1);
        var exact = CrossbarSolver.Solve(g, 4, 3, 1e-9, x);
        var ideal = CrossbarSolver.Ideal(g, 4, 3, x);
        for (var j = 0; j < 3; j++) Assert.Equal(ideal[j], exact[j], 6);
        Assert.Throws<ArgumentException>(() => CrossbarSolver.Solve(g, 4, 4, 1e-4, x));
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossbarSolver.Solve(g, 4, 3, 0, x));
    }

    [Fact]
    public void Deployed_layer_loses_current_with_wire_resistance_more_on_larger_tiles_and_nothing_at_zero()
    {
        var x = Inputs(20);
        Assert.Equal(Deployed(Spec(), x), Deployed(Spec(h => h.IrDrop(0)), x));
        float[] Weights(ExperimentSpec spec)
        {
            var net = Compile(spec);
            net.Deploy(7, 0, false);
            return net.HardwareLayers.First().DeployedWeights.ToArray();
        }
        var ideal = Weights(Spec());
        var big = Weights(Spec(h => h.IrDrop(2e-3)));
        var small = Weights(Spec(h => h.IrDrop(2e-3), tileRows: 4, tileColumns: 4));
        double Loss(float[] w) => 1 - w.Sum(v => Math.Abs((double)v)) / ideal.Sum(v => Math.Abs((double)v));
        Assert.True(Loss(big) > 0.01 && Loss(big) < 0.5, $"12×16 tile: {Loss(big):P2} of |W| lost");
        Assert.True(Loss(small) > 0 && Loss(small) < 0.5 * Loss(big), $"4×4 tiles: {Loss(small):P2} vs {Loss(big):P2}");
        var net = Compile(Spec(h => h.IrDrop(2e-3)));
        net.Deploy(7, 0, false);
        var programmed = Compile(Spec());
        programmed.Deploy(7, 0, false);
        Assert.Equal(programmed.Arrays.First().Positive, net.Arrays.First().Positive);   // a read effect: the cells keep their conductances
        Assert.Equal(RuleCodes.IrDrop, Assert.Single(Assert.Throws<SpecException>(() => Spec(h => h.IrDrop(0.5))).Errors).Code);
    }
}
