namespace HwDsl.Experiments;

/// <summary>
/// One named n-dimensional array as NumPy stores it in a <c>.npy</c> file: C order, little endian. <see cref="Data"/> is a
/// <c>float[]</c>, <c>double[]</c>, <c>int[]</c>, <c>long[]</c>, <c>byte[]</c> or <c>sbyte[]</c> of the shape's size.
/// </summary>
public sealed record NpyArray
{
    /// <summary>An array of <paramref name="shape"/> over <paramref name="data"/>; throws when the sizes differ or the type is not stored.</summary>
    public NpyArray(string name, IReadOnlyList<int> shape, Array data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        long size = 1;
        foreach (var d in shape) size *= d >= 0 ? d : throw new ArgumentOutOfRangeException(nameof(shape), $"array '{name}': negative dimension {d}.");
        if (size != data.Length) throw new ArgumentException($"array '{name}': shape ({string.Join(", ", shape)}) holds {size} values, the data {data.Length}.");
        _ = NpyFormat.Descr(data);
        Name = name;
        Shape = [.. shape];
        Data = data;
    }

    /// <summary>The key under which NumPy's <c>np.load</c> returns it (the entry name without <c>.npy</c>).</summary>
    public string Name { get; }

    /// <summary>Dimensions, outermost first; empty for a scalar.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The values in C order.</summary>
    public Array Data { get; }

    /// <summary>A rows×cols float32 matrix.</summary>
    public static NpyArray Matrix(string name, int rows, int cols, float[] data) => new(name, [rows, cols], data);

    /// <summary>A float32 vector.</summary>
    public static NpyArray Vector(string name, float[] data) => new(name, [data.Length], data);

    /// <summary>A float64 scalar.</summary>
    public static NpyArray Scalar(string name, double value) => new(name, [], new[] { value });

    /// <summary>The values as doubles (whatever the stored type).</summary>
    public double[] ToDoubles()
    {
        var values = new double[Data.Length];
        // Exact types: the runtime lets a byte[] pass as sbyte[] and back.
        var type = Data.GetType();
        for (var i = 0; i < values.Length; i++)
            values[i] = type == typeof(sbyte[]) ? ((sbyte[])Data)[i] : type == typeof(byte[]) ? ((byte[])Data)[i] : Convert.ToDouble(Data.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
