using HwDsl.Kernels;

namespace HwDsl.Kernels.Tests;

/// <summary>Random convolution operands and the double-precision reference every convolution test compares with.</summary>
internal sealed record ConvCase(ConvGeometry G, int Batch, float[] X, float[] W, float[] B, float[] Dy)
{
    public static ConvCase Make(int seed, ConvGeometry g, int batch)
    {
        var random = new Random(seed);
        return new ConvCase(g, batch, GemmTestSupport.RandomArray(random, (long)batch * g.InputSize),
            GemmTestSupport.RandomArray(random, g.PatchSize * g.Filters), GemmTestSupport.RandomArray(random, g.Filters),
            GemmTestSupport.RandomArray(random, (long)batch * g.OutputSize));
    }

    public float[] Forward(MacPool? pool = null, bool bias = true)
    {
        var y = new float[Batch * G.OutputSize];
        Array.Fill(y, float.NaN);   // every output must be written
        Conv2d.Forward<float>(X, W, bias ? B : default, y, Batch, G, pool);
        return y;
    }

    /// <summary>dx, dW, db from zero, or (when <paramref name="start"/> is given) added to copies of it.</summary>
    public (float[] Dx, float[] Dw, float[] Db) Backward(MacPool? pool = null, (float[] Dx, float[] Dw, float[] Db)? start = null)
    {
        var dx = start?.Dx.ToArray() ?? new float[Batch * G.InputSize];
        var dw = start?.Dw.ToArray() ?? new float[W.Length];
        var db = start?.Db.ToArray() ?? new float[G.Filters];
        Conv2d.Backward<float>(X, W, Dy, dx, dw, db, Batch, G, pool);
        return (dx, dw, db);
    }

    private static double[] D(float[] v) => Array.ConvertAll(v, x => (double)x);
    private static double[] Abs(float[] v) => Array.ConvertAll(v, x => (double)Math.Abs(x));

    /// <summary>The forward pass in double, and the same sums over absolute values (the scale of the rounding error).</summary>
    public (double[] Value, double[] Scale) ReferenceForward(bool bias = true)
    {
        var y = new double[Batch * G.OutputSize];
        var s = new double[y.Length];
        ConvReference.Forward<double>(D(X), D(W), bias ? D(B) : default, y, Batch, G);
        ConvReference.Forward<double>(Abs(X), Abs(W), bias ? Abs(B) : default, s, Batch, G);
        return (y, s);
    }

    public ((double[] Dx, double[] Dw, double[] Db) Value, (double[] Dx, double[] Dw, double[] Db) Scale) ReferenceBackward()
    {
        (double[], double[], double[]) Run(double[] x, double[] w, double[] dy)
        {
            var r = (new double[Batch * G.InputSize], new double[W.Length], new double[G.Filters]);
            ConvReference.Backward<double>(x, w, dy, r.Item1, r.Item2, r.Item3, Batch, G);
            return r;
        }
        return (Run(D(X), D(W), D(Dy)), Run(Abs(X), Abs(W), Abs(Dy)));
    }

    /// <summary>|actual − reference| ≤ 4·(terms + 2)·2⁻²³·scale per element, terms bounding the length of any sum.</summary>
    public void AssertClose(string what, float[] actual, double[] reference, double[] scale, double[]? offset = null)
    {
        Assert.Equal(reference.Length, actual.Length);
        var terms = (double)Batch * G.Positions + G.PatchSize + G.Filters * G.Kernel * G.Kernel;
        for (var i = 0; i < actual.Length; i++)
        {
            var expected = reference[i] + (offset?[i] ?? 0);
            var tolerance = 4.0 * (terms + 2) * Math.Pow(2, -23) * (scale[i] + Math.Abs(offset?[i] ?? 0)) + 1e-30;
            var error = Math.Abs(actual[i] - expected);
            if (!(error <= tolerance))
                Assert.Fail($"{G}, batch {Batch}: {what}[{i}] = {actual[i]} but reference {expected} (error {error:g3} > {tolerance:g3}).");
        }
    }
}
