namespace HwDsl.Compiler;

/// <summary>
/// A symmetric positive definite band matrix (lower half stored: entry (k, k − d) for d ≤ <c>bandwidth</c>) and its direct
/// solve by banded Cholesky, A = L·Lᵀ in O(n·bandwidth²): the exact crossbar solve of <see cref="CrossbarSolver"/>.
/// </summary>
internal sealed class BandMatrix(int size, int bandwidth)
{
    private readonly double[] _lower = new double[size * (bandwidth + 1)];

    private int Index(int k, int j) => k * (bandwidth + 1) + (k - j);

    /// <summary>Entry (k, j) for j ≤ k within the band.</summary>
    internal double this[int k, int j] => _lower[Index(k, j)];

    /// <summary>Adds <paramref name="value"/> to entry (k, j), j ≤ k.</summary>
    internal void Add(int k, int j, double value)
    {
        if (j > k || k - j > bandwidth) throw new ArgumentOutOfRangeException(nameof(j), $"entry ({k}, {j}) is outside the lower band of width {bandwidth}.");
        _lower[Index(k, j)] += value;
    }

    /// <summary>Solves A·v = <paramref name="b"/> (factorises in place: call once).</summary>
    internal double[] CholeskySolve(ReadOnlySpan<double> b)
    {
        var l = _lower;
        for (var k = 0; k < size; k++)
            for (var j = Math.Max(0, k - bandwidth); j <= k; j++)
            {
                var sum = l[Index(k, j)];
                for (var m = Math.Max(0, k - bandwidth); m < j; m++) sum -= l[Index(k, m)] * l[Index(j, m)];
                if (j < k) l[Index(k, j)] = sum / l[Index(j, j)];
                else l[Index(k, k)] = sum > 0 ? Math.Sqrt(sum) : throw new InvalidOperationException($"the matrix is not positive definite (pivot {k}: {sum:G3}).");
            }
        var y = b.ToArray();
        for (var k = 0; k < size; k++)
        {
            var sum = y[k];
            for (var m = Math.Max(0, k - bandwidth); m < k; m++) sum -= l[Index(k, m)] * y[m];
            y[k] = sum / l[Index(k, k)];
        }
        for (var k = size - 1; k >= 0; k--)
        {
            var sum = y[k];
            for (var m = k + 1; m <= Math.Min(size - 1, k + bandwidth); m++) sum -= l[Index(m, k)] * y[m];
            y[k] = sum / l[Index(k, k)];
        }
        return y;
    }
}
