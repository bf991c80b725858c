namespace HwDsl.Compiler;

/// <summary>
/// <see cref="IrDrop"/> to first order in the wire resistance r: the cell currents are taken as the ideal ones and the wire
/// drops they cause fold into an effective conductance matrix (rows and columns counted from 1, the driver before column 1,
/// the integrator after row N):
/// <code>
/// ΔG_ij = −r·G_ij·Σ_k G_ik·min(j, k)  −  r·G_ij·Σ_l G_lj·(N + 1 − max(i, l))
/// </code>
/// computed with prefix sums in O(N·M) per tile. <see cref="CrossbarSolver"/> is the exact nodal solve it is checked against.
/// </summary>
internal sealed class IrDropStage(IrDrop spec) : IArrayStage
{
    public string Name => spec.ToString();

    public void Apply(Span<double> g, int rows, int columns) => Fold(g, rows, columns, spec.Wire);

    /// <summary>G ← G + ΔG of the first-order model, in place (<paramref name="g"/> row-major rows × columns).</summary>
    internal static void Fold(Span<double> g, int rows, int columns, double r)
    {
        var delta = new double[rows * columns];
        // Row wires: S_j = Σ_{k<j} k·G_ik + j·Σ_{k≥j} G_ik (1-based j, k).
        for (var i = 0; i < rows; i++)
        {
            var row = g.Slice(i * columns, columns);
            double suffix = 0;
            for (var k = 0; k < columns; k++) suffix += row[k];
            double weighted = 0;
            for (var j = 0; j < columns; j++)
            {
                var s = weighted + (j + 1) * suffix;
                delta[i * columns + j] = -r * row[j] * s;
                weighted += (j + 1) * row[j];
                suffix -= row[j];
            }
        }
        // Column wires: for row k, Σ_l G_lj·(N + 1 − max(k, l)) = (N + 1 − k)·Σ_{l≤k} G_lj + Σ_{l>k} (N + 1 − l)·G_lj.
        for (var j = 0; j < columns; j++)
        {
            double tail = 0;
            for (var l = 0; l < rows; l++) tail += (rows - l) * g[l * columns + j];   // (N + 1 − (l+1)) for 0-based l
            double head = 0;
            for (var k = 0; k < rows; k++)
            {
                var gk = g[k * columns + j];
                head += gk;
                tail -= (rows - k) * gk;
                delta[k * columns + j] -= r * gk * ((rows - k) * head + tail);
            }
        }
        for (var i = 0; i < delta.Length; i++) g[i] += delta[i];
    }
}
