using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace HwDsl.Compiler;

/// <summary>
/// The exact resistive crossbar, for checking the first-order IR-drop model on small arrays: every cell (i, j) is a node on
/// its row wire and one on its column wire, joined by G_ij; neighbouring nodes on a wire are joined by one segment of
/// conductance 1/r; row i is driven at x_i through one segment before column 1, and each column is held at virtual ground
/// through one segment after row N. Kirchhoff's current law at all 2·N·M nodes is a sparse symmetric positive definite
/// system. Numbering the two nodes of each cell together, cell by cell along the shorter side, makes it a band matrix of
/// half-bandwidth 2·min(N, M), solved directly by banded Cholesky (O(N·M·min(N, M)²)); the residual is then checked with
/// MathNet's sparse product (relative residual below 1e-9, else an error). The column outputs are the currents into the
/// integrators.
/// </summary>
public static class CrossbarSolver
{
    /// <summary>The column currents y_j for inputs <paramref name="x"/> (one per row) on the array <paramref name="g"/>
    /// (row-major rows × columns, units of Gmax) with wire segments of resistance <paramref name="r"/> (times Gmax).</summary>
    public static double[] Solve(ReadOnlySpan<double> g, int rows, int columns, double r, ReadOnlySpan<double> x)
    {
        if (g.Length != rows * columns) throw new ArgumentException($"the array holds {g.Length} conductances, not {rows}×{columns}.", nameof(g));
        if (x.Length != rows) throw new ArgumentException($"{x.Length} inputs for {rows} rows.", nameof(x));
        if (!(r > 0)) throw new ArgumentOutOfRangeException(nameof(r), $"the wire resistance must be > 0; got {r}.");
        var w = 1 / r;
        var nodes = 2 * rows * columns;
        var rowMajor = columns <= rows;
        int Cell(int i, int j) => rowMajor ? i * columns + j : j * rows + i;
        int RowNode(int i, int j) => 2 * Cell(i, j);
        int ColumnNode(int i, int j) => 2 * Cell(i, j) + 1;
        var band = new BandMatrix(nodes, 2 * Math.Min(rows, columns));
        var entries = new List<(int, int, double)>(nodes * 5);
        var b = new double[nodes];
        void Link(int a, int c, double conductance)
        {
            band.Add(a, a, conductance);
            band.Add(c, c, conductance);
            band.Add(Math.Max(a, c), Math.Min(a, c), -conductance);
            entries.Add((a, c, -conductance));
            entries.Add((c, a, -conductance));
        }
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
            {
                Link(RowNode(i, j), ColumnNode(i, j), g[i * columns + j]);
                if (j + 1 < columns) Link(RowNode(i, j), RowNode(i, j + 1), w);
                if (i + 1 < rows) Link(ColumnNode(i, j), ColumnNode(i + 1, j), w);
            }
        for (var i = 0; i < rows; i++)
        {
            band.Add(RowNode(i, 0), RowNode(i, 0), w);           // the driver's segment
            b[RowNode(i, 0)] += w * x[i];
        }
        for (var j = 0; j < columns; j++) band.Add(ColumnNode(rows - 1, j), ColumnNode(rows - 1, j), w);   // the integrator's segment
        for (var k = 0; k < nodes; k++) entries.Add((k, k, band[k, k]));

        var v = band.CholeskySolve(b);
        var a = SparseMatrix.OfIndexed(nodes, nodes, entries);
        var rhs = Vector<double>.Build.DenseOfArray(b);
        var residual = (a * Vector<double>.Build.DenseOfArray(v) - rhs).L2Norm() / Math.Max(rhs.L2Norm(), double.Epsilon);
        if (!(residual < 1e-9)) throw new InvalidOperationException($"the crossbar solve is not accurate (relative residual {residual:G3}).");
        var y = new double[columns];
        for (var j = 0; j < columns; j++) y[j] = w * v[ColumnNode(rows - 1, j)];
        return y;
    }

    /// <summary>The column currents of the ideal array, y_j = Σ_i G_ij·x_i (or of a first-order folded one).</summary>
    public static double[] Ideal(ReadOnlySpan<double> g, int rows, int columns, ReadOnlySpan<double> x)
    {
        var y = new double[columns];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++) y[j] += g[i * columns + j] * x[i];
        return y;
    }

    /// <summary>The first-order folded conductances (<see cref="IrDrop"/>) of <paramref name="g"/>, as the deployed layer uses them.</summary>
    public static double[] FirstOrder(ReadOnlySpan<double> g, int rows, int columns, double r)
    {
        var folded = g.ToArray();
        IrDropStage.Fold(folded, rows, columns, r);
        return folded;
    }
}
