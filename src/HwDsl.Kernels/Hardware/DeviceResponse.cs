using System.Numerics;

namespace HwDsl.Kernels;

/// <summary>
/// What a layer's hardware makes of a programmed level: the piecewise-linear curve through (p_i, q_i), where
/// p_i = p_0 + i·Δp are the intended (linearly spaced) levels in units of w_max and q_i the effective weights the
/// device actually gives for them (non-linearity, on/off ratio, asymmetry). At p_i it returns q_i exactly; in between
/// it interpolates, so after a relaxed staircase over p it yields the same staircase over the device's levels.
/// </summary>
public sealed class DeviceResponse
{
    private readonly float[] _q;

    /// <summary>Creates the curve through (first + i·step, q[i]).</summary>
    public DeviceResponse(float first, float step, ReadOnlySpan<float> q)
    {
        if (q.Length < 2) throw new ArgumentException($"a device response needs at least 2 levels; got {q.Length}.", nameof(q));
        if (!(step > 0) || !float.IsFinite(step) || !float.IsFinite(first))
            throw new ArgumentException($"the programming grid must start at a finite value with a positive step; got first = {first}, step = {step}.");
        for (var i = 0; i < q.Length; i++)
            if (!float.IsFinite(q[i])) throw new ArgumentException($"device level {i} is not finite ({q[i]}).", nameof(q));
        First = first;
        Step = step;
        _q = q.ToArray();
    }

    /// <summary>p_0, the lowest intended level.</summary>
    public float First { get; }

    /// <summary>Δp, the spacing of the intended levels.</summary>
    public float Step { get; }

    /// <summary>q_i, the effective weight the device gives for intended level i.</summary>
    public ReadOnlySpan<float> Levels => _q;

    /// <summary>
    /// y = w_max · R(u / w_max) and slope = dy/du = (q_j+1 − q_j)/Δp for the cell j containing u: at an intended level
    /// (within 10⁻⁵ of a step) the cell starting there, the last cell at the top.
    /// u outside [p_0, p_M−1] is treated as the end value (the mapper in front of it clips already).
    /// </summary>
    public void Apply(ReadOnlySpan<float> u, float wMax, Span<float> y, Span<float> slope)
    {
        if (y.Length != u.Length || (!slope.IsEmpty && slope.Length != u.Length))
            throw new ArgumentException($"span lengths differ: input {u.Length}, output {y.Length}, slope {slope.Length}.");
        var last = _q.Length - 2;
        var inverseStep = 1f / Step;
        for (var i = 0; i < u.Length; i++)
        {
            var x = Math.Clamp((u[i] / wMax - First) * inverseStep, 0f, last + 1);
            // An intended level arrives with float rounding (5.9999995 for level 6): snap so that at a knot the slope
            // is always that of the cell starting there.
            var knot = MathF.Round(x);
            if (MathF.Abs(x - knot) < 1e-5f) x = knot;
            var j = Math.Min((int)x, last);
            var f = x - j;
            var rise = _q[j + 1] - _q[j];
            y[i] = wMax * (_q[j] + f * rise);
            if (!slope.IsEmpty) slope[i] = rise * inverseStep;
        }
    }

    /// <summary>Number of levels.</summary>
    public int Count => _q.Length;
}
