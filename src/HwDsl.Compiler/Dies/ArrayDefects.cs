namespace HwDsl.Compiler;

/// <summary>
/// One die's devices of one crossbar array (a Dense layer, rows = inputs, columns = outputs, <see cref="Elements"/>
/// devices per weight: 1 against a reference, 2 in a pair, positive first). Per device: its <see cref="DeviceState"/>
/// and a value — the variation factor for a working device (1 = nominal), the level fraction for a stuck one.
/// </summary>
public sealed class ArrayDefects
{
    /// <summary>An array of <paramref name="rows"/>×<paramref name="cols"/> weights, every device working and nominal.</summary>
    public ArrayDefects(int layer, int rows, int cols, int elements)
    {
        if (rows < 1 || cols < 1 || elements is < 1 or > 2)
            throw new ArgumentOutOfRangeException(nameof(rows), $"array must be at least 1×1 with 1 or 2 devices per weight; got {rows}×{cols}×{elements}.");
        Layer = layer;
        Rows = rows;
        Cols = cols;
        Elements = elements;
        States = new DeviceState[rows * cols * elements];
        Values = new float[States.Length];
        Array.Fill(Values, 1f);
    }

    /// <summary>The Dense layer index.</summary>
    public int Layer { get; }

    /// <summary>Inputs of the layer.</summary>
    public int Rows { get; }

    /// <summary>Outputs of the layer.</summary>
    public int Cols { get; }

    /// <summary>Devices per weight (1 or 2).</summary>
    public int Elements { get; }

    /// <summary>Device states, index <c>(row·Cols + col)·Elements + element</c>.</summary>
    public DeviceState[] States { get; }

    /// <summary>Variation factor (working devices) or stuck level fraction (stuck devices); 0 for open, 1 for shorted.</summary>
    public float[] Values { get; }

    /// <summary>Index of a device.</summary>
    public int IndexOf(int row, int col, int element) => (row * Cols + col) * Elements + element;

    /// <summary>Number of devices in <paramref name="state"/>.</summary>
    public int Count(DeviceState state) => States.Count(s => s == state);

    /// <summary>True when both arrays hold the same states and values.</summary>
    public bool SameAs(ArrayDefects other) =>
        Layer == other.Layer && Rows == other.Rows && Cols == other.Cols && Elements == other.Elements
        && States.AsSpan().SequenceEqual(other.States) && Values.AsSpan().SequenceEqual(other.Values);
}
