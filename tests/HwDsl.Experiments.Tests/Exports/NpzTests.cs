using System.Globalization;
using System.Text.Json;

namespace HwDsl.Experiments.Tests;

public sealed class NpzTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hwdsl-npz-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void NumPy_loads_every_type_and_shape_we_write_with_the_same_values()
    {
        var path = Path.Combine(_dir, "a.npz");
        float[] matrix = [1.5f, -2.25f, float.Epsilon, 3e38f, -0f, 7f];
        NpzFile.Write(path,
        [
            NpyArray.Matrix("layer0.weights", 2, 3, matrix),
            NpyArray.Scalar("w_max", 0.1),
            new NpyArray("ints", [4], new[] { int.MinValue, -1, 0, int.MaxValue }),
            new NpyArray("states", [2, 1, 2], new byte[] { 0, 1, 2, 3 }),
            new NpyArray("longs", [1], new[] { long.MaxValue }),
            new NpyArray("signed", [3], new sbyte[] { -128, 0, 127 }),
            new NpyArray("empty", [0, 5], Array.Empty<float>()),
        ]);
        var json = Python.Run("""
            import sys, json, numpy as np
            z = np.load(sys.argv[1])
            print(json.dumps({k: {"dtype": str(z[k].dtype), "shape": list(z[k].shape), "values": [repr(v) for v in z[k].ravel().tolist()]} for k in z.files}))
            """, path);
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        Assert.Equal(["layer0.weights", "w_max", "ints", "states", "longs", "signed", "empty"], r.EnumerateObject().Select(p => p.Name));
        void Check(string key, string dtype, int[] shape, string[] values)
        {
            var a = r.GetProperty(key);
            Assert.Equal(dtype, a.GetProperty("dtype").GetString());
            Assert.Equal(shape, a.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(values, a.GetProperty("values").EnumerateArray().Select(e => e.GetString()));
        }
        // Python prints float32 values widened to double: compare with the same widening here.
        Check("layer0.weights", "float32", [2, 3], [.. matrix.Select(f => PyRepr(f))]);
        Check("w_max", "float64", [], ["0.1"]);
        Check("ints", "int32", [4], ["-2147483648", "-1", "0", "2147483647"]);
        Check("states", "uint8", [2, 1, 2], ["0", "1", "2", "3"]);
        Check("longs", "int64", [1], ["9223372036854775807"]);
        Check("signed", "int8", [3], ["-128", "0", "127"]);
        Check("empty", "float32", [0, 5], []);
    }

    [Fact]
    public void What_NumPy_writes_we_read_back()
    {
        var path = Path.Combine(_dir, "numpy.npz");
        Python.Run("""
            import sys, numpy as np
            np.savez_compressed(sys.argv[1], a=np.arange(12, dtype='<f4').reshape(3, 4) / 8, b=np.array([1, 2, 3], dtype='<i8'), c=np.float64(2.5))
            """, path);
        var arrays = NpzFile.Read(path).ToDictionary(a => a.Name);
        Assert.Equal([3, 4], arrays["a"].Shape);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i / 8f), (float[])arrays["a"].Data);
        Assert.Equal([1L, 2, 3], (long[])arrays["b"].Data);
        Assert.Empty(arrays["c"].Shape);
        Assert.Equal(2.5, ((double[])arrays["c"].Data)[0]);
    }

    [Fact]
    public void A_shape_that_does_not_fit_the_data_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => NpyArray.Matrix("w", 2, 3, new float[5]));
        Assert.Contains("'w'", e.Message);
        Assert.Throws<ArgumentException>(() => new NpyArray("x", [1], new decimal[1]));
    }

    private static string PyRepr(float f)
    {
        var d = (double)f;
        if (d == 0) return BitConverter.DoubleToInt64Bits(d) < 0 ? "-0.0" : "0.0";
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        // Python's repr: shortest round-trip, exponent as e+38 / e-45, and a trailing .0 for whole numbers.
        if (s.Contains('E'))
        {
            var (mantissa, exponent) = (s[..s.IndexOf('E')], int.Parse(s[(s.IndexOf('E') + 1)..], CultureInfo.InvariantCulture));
            return $"{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):D2}";
        }
        return s.Contains('.') ? s : s + ".0";
    }
}
