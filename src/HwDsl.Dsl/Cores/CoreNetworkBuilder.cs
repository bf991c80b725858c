using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// Describes a network of cores: <c>n =&gt; n.Image(28, 28).Windows(16, stride: 12).Layer(64).Layer(250, fanIn: 4).Readout(perClass: 25)</c>.
/// Defaults: 28×28 image, axon types (+1, −1) rotated per neuron, threshold 1, one tick, threshold encoding at 0.5.
/// Values are checked at <c>Build()</c> (HW06xx).
/// </summary>
public sealed class CoreNetworkBuilder
{
    internal CoreNetworkBuilder() { }

    internal SettingBag Settings { get; } = new();

    internal List<(WindowRequest Window, Provenance Where)> WindowList { get; } = [];

    internal List<(int Neurons, int FanIn, Provenance Where)> LayerList { get; } = [];

    /// <summary>Input image size; width × height must be the data set's input size (HW0601).</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreNetworkBuilder Image(int width, int height, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Settings.Set(CoreKey.Image, (width, height), file, line);
        return this;
    }

    /// <summary>A grid of square windows of <paramref name="size"/>² pixels, <paramref name="stride"/> apart, that fit the
    /// image (HW0602); each feeds the first layer's axons in row-major order. 28×28 with size 16, stride 12 gives four windows.</summary>
    /// <param name="size">Window side in pixels (size² ≤ 256 axons for a fan-in of 1).</param>
    /// <param name="stride">Step between windows.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreNetworkBuilder Windows(int size, int stride, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        AddWindow(new WindowRequest(size, stride, null, null), file, line);
        return this;
    }

    /// <summary>One window at column <paramref name="x"/>, row <paramref name="y"/> (must lie inside the image, HW0602).</summary>
    /// <param name="x">Left column.</param>
    /// <param name="y">Top row.</param>
    /// <param name="size">Side in pixels.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreNetworkBuilder Window(int x, int y, int size, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        AddWindow(new WindowRequest(size, 0, x, y), file, line);
        return this;
    }

    /// <summary>A layer of cores with <paramref name="neurons"/> neurons each (1..256, HW0604); each core takes
    /// <paramref name="fanIn"/> consecutive sources of the layer below on its axons (≤ 256 axons, HW0603; fan-in must
    /// divide the sources, HW0605). The first layer's sources are the windows.</summary>
    /// <param name="neurons">Neurons per core.</param>
    /// <param name="fanIn">Sources per core.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreNetworkBuilder Layer(int neurons, int fanIn = 1, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        LayerList.Add((neurons, fanIn, Provenance.Explicit(file, line)));
        return this;
    }

    /// <summary>Class-sum readout: class c counts the spikes of <paramref name="perClass"/> consecutive neurons of the last layer,
    /// which must have exactly classes × perClass neurons (HW0606).</summary>
    /// <param name="perClass">Neurons per class, ≥ 1.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreNetworkBuilder Readout(int perClass, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Settings.Set(CoreKey.PerClass, perClass, file, line);
        return this;
    }

    /// <summary>Axon types: axon i of a core has type i mod T and neuron j weighs it with s_j[g] (1..4 types, integers in
    /// [−255, 255], at least one non-zero; HW0607). With <paramref name="rotatePerNeuron"/>, s_j[g] = s[(g + j) mod T].</summary>
    /// <param name="weights">s[g] for each type.</param>
    /// <param name="rotatePerNeuron">Rotate the weights from neuron to neuron.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreNetworkBuilder AxonTypes(int[] weights, bool rotatePerNeuron = true, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Settings.Set(CoreKey.AxonTypes, new EquatableList<int>(weights), file, line);
        Settings.Set(CoreKey.Rotate, rotatePerNeuron, file, line);
        return this;
    }

    /// <summary>The neurons' integer threshold θ in 1..255 (HW0608).</summary>
    /// <param name="threshold">θ.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreNetworkBuilder Threshold(int threshold, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Settings.Set(CoreKey.Threshold, threshold, file, line);
        return this;
    }

    /// <summary>Ticks per image, 1..1024 (HW0609), and how pixels become spikes: several ticks need
    /// <see cref="InputEncoding.Stochastic"/> to differ (HW0609 refuses threshold encoding with more than one tick).</summary>
    /// <param name="ticks">Ticks.</param>
    /// <param name="encoding">Input encoding.</param>
    /// <param name="threshold">Pixel threshold of <see cref="InputEncoding.Threshold"/>, in (0, 1].</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreNetworkBuilder TimeSteps(int ticks, InputEncoding encoding = InputEncoding.Threshold, double threshold = 0.5,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Settings.Set(CoreKey.TimeSteps, ticks, file, line);
        Settings.Set(CoreKey.Encoding, encoding, file, line);
        Settings.Set(CoreKey.EncodingThreshold, threshold, file, line);
        return this;
    }

    internal CoreNetworkBuilder Clone()
    {
        var c = new CoreNetworkBuilder();
        foreach (var (k, v) in Settings.All) c.Settings.Copy(k, v);
        c.WindowList.AddRange(WindowList);
        c.LayerList.AddRange(LayerList);
        return c;
    }

    private void AddWindow(WindowRequest request, string file, int line) => WindowList.Add((request, Provenance.Explicit(file, line)));
}

/// <summary>A window call as written: a grid (size, stride) or one window at (X, Y).</summary>
internal sealed record WindowRequest(int Size, int Stride, int? X, int? Y);
