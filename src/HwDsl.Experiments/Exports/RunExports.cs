using System.Globalization;
using System.Text;
using HwDsl.Compiler;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>
/// What a run folder keeps for other tools, as NumPy <c>.npz</c> and CSV:
/// <list type="bullet">
/// <item><c>weights.npz</c>: per Dense layer i, <c>layer{i}.weights</c> (inputs×outputs), <c>layer{i}.bias</c>, and
/// <c>layer{i}.scale</c> for binary layers; the same as <c>exports/layer{i}.weights.csv</c> / <c>.bias.csv</c>;</item>
/// <item><c>deployed.npz</c>: per deployed sample s and tile, <c>s{s}.layer{i}.tile{t}.effective</c>, <c>.g_plus</c> and
/// <c>.g_minus</c> (<c>.g</c> and <c>.g_reference</c> with a single element), <c>.w_max</c>; sample 0 also as
/// <c>exports/s0.layer{i}.tile{t}.*.csv</c>. Without noise every sample is the same, so only sample 0 is kept;</item>
/// <item><c>dies.npz</c> when the run is evaluated on dies: <c>die{d}.layer{i}.states</c> (uint8: 0 ok, 1 open, 2 short,
/// 3 stuck; rows×columns×elements) and <c>.values</c>, and the die maps as CSV in <c>dies/</c> (what <c>Dies.Load</c> reads).</item>
/// </list>
/// CSV matrices have a header <c>out_0,out_1,…</c> and one line per input row.
/// </summary>
public sealed class RunExports
{
    private readonly RunFolder _run;
    private readonly CompiledNetwork _network;
    private readonly IProgrammedTileSource _tiles;
    private readonly List<(int Sample, IReadOnlyList<ProgrammedTile> Tiles)> _samples = [];

    /// <summary>Exports of <paramref name="network"/> into <paramref name="run"/>, tiles from <paramref name="tiles"/> (today's layers by default).</summary>
    public RunExports(RunFolder run, CompiledNetwork network, IProgrammedTileSource? tiles = null)
    {
        _run = run ?? throw new ArgumentNullException(nameof(run));
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _tiles = tiles ?? DeployedLayerTiles.Instance;
    }

    /// <summary>Writes the trained parameters of every Dense layer.</summary>
    public void WriteWeights() => WriteWeights(_run, DenseLayers(_network.Layers));

    /// <summary>Writes <c>weights.npz</c> and the weight CSVs of <paramref name="layers"/> (index, weights, bias, optional scale) into <paramref name="run"/>.</summary>
    public static void WriteWeights(RunFolder run, IEnumerable<(int Index, Autodiff.Tensor<float> Weights, Autodiff.Tensor<float> Bias, Autodiff.Tensor<float>? Scale)> layers)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(layers);
        var arrays = new List<NpyArray>();
        foreach (var (index, weights, bias, scale) in layers)
        {
            arrays.Add(NpyArray.Matrix($"layer{index}.weights", weights.Rows, weights.Cols, weights.Values.ToArray()));
            arrays.Add(NpyArray.Vector($"layer{index}.bias", bias.Values.ToArray()));
            if (scale is not null) arrays.Add(NpyArray.Scalar($"layer{index}.scale", scale.Values[0]));
            WriteCsv(run, $"layer{index}.weights.csv", weights.Rows, weights.Cols, weights.Values);
            WriteCsv(run, $"layer{index}.bias.csv", 1, bias.Cols, bias.Values);
        }
        NpzFile.Write(Path.Combine(run.Path, "weights.npz"), arrays);
    }

    /// <summary>Records the tiles of deployed sample <paramref name="sample"/> (call right after the network was deployed).</summary>
    public void AddSample(int sample)
    {
        if (_samples.Count > 0 && !_network.IsNoisy) return;
        _samples.Add((sample, _tiles.Tiles(_network)));
    }

    /// <summary>Writes <c>deployed.npz</c> and sample 0's CSV matrices (nothing when nothing was deployed).</summary>
    public void WriteDeployed()
    {
        if (_samples.Count == 0) return;
        var arrays = new List<NpyArray>();
        foreach (var (sample, tiles) in _samples)
            foreach (var t in tiles)
            {
                var stem = $"s{sample}.layer{t.Layer}.tile{t.Tile}";
                var (plus, minus) = t.Mapping == "single_with_reference" ? ("g", "g_reference") : ("g_plus", "g_minus");
                arrays.Add(NpyArray.Matrix($"{stem}.effective", t.Rows, t.Cols, t.Effective));
                if (t.Positive is not null) arrays.Add(NpyArray.Matrix($"{stem}.{plus}", t.Rows, t.Cols, t.Positive));
                if (t.Negative is not null) arrays.Add(NpyArray.Matrix($"{stem}.{minus}", t.Rows, t.Cols, t.Negative));
                arrays.Add(NpyArray.Scalar($"{stem}.w_max", t.WeightRange));
                // Where the tile sits in the layer's inputs×outputs matrix (a layer larger than a tile is split over several).
                arrays.Add(NpyArray.Scalar($"{stem}.row_offset", t.RowOffset));
                arrays.Add(NpyArray.Scalar($"{stem}.col_offset", t.ColOffset));
                if (sample != _samples[0].Sample) continue;
                WriteCsv(_run, $"{stem}.effective.csv", t.Rows, t.Cols, t.Effective);
                if (t.Positive is not null) WriteCsv(_run, $"{stem}.{plus}.csv", t.Rows, t.Cols, t.Positive);
                if (t.Negative is not null) WriteCsv(_run, $"{stem}.{minus}.csv", t.Rows, t.Cols, t.Negative);
            }
        NpzFile.Write(Path.Combine(_run.Path, "deployed.npz"), arrays);
    }

    /// <summary>Writes the die maps of the population <paramref name="spec"/> is evaluated on, when it has one.</summary>
    public void WriteDies(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Evaluation.Dies is not { } dies || !_network.BinaryLayers.Any()) return;
        var shapes = DieSource.Shapes(_network);
        var arrays = new List<NpyArray>();
        for (var d = 0; d < dies.Count; d++)
            foreach (var a in DieSource.Die(dies, spec.Layers, shapes, d).Arrays)
            {
                arrays.Add(new NpyArray($"die{d}.layer{a.Layer}.states", [a.Rows, a.Cols, a.Elements], a.States.Select(s => (byte)s).ToArray()));
                arrays.Add(new NpyArray($"die{d}.layer{a.Layer}.values", [a.Rows, a.Cols, a.Elements], (float[])a.Values.Clone()));
            }
        NpzFile.Write(Path.Combine(_run.Path, "dies.npz"), arrays);
        DieMapFile.Export(spec, _network, dies, Path.Combine(_run.Path, "dies"));
    }

    /// <summary>The Dense layers among <paramref name="layers"/> in order: index, weights, bias and (binary) scale.</summary>
    public static IEnumerable<(int Index, Autodiff.Tensor<float> Weights, Autodiff.Tensor<float> Bias, Autodiff.Tensor<float>? Scale)> DenseLayers(IEnumerable<ILayer<float>> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var index = 0;
        foreach (var layer in layers)
            switch (layer)
            {
                case HardwareDenseLayer h: yield return (index++, h.Weights, h.Bias, null); break;
                case BinaryDenseLayer b: yield return (index++, b.Weights, b.Bias, b.Scale); break;
                case DenseLayer<float> d: yield return (index++, d.Weights, d.Bias, null); break;
            }
    }

    private static void WriteCsv(RunFolder run, string file, int rows, int cols, ReadOnlySpan<float> values)
    {
        var dir = Path.Combine(run.Path, "exports");
        Directory.CreateDirectory(dir);
        var sb = new StringBuilder(values.Length * 11 + cols * 8);
        for (var c = 0; c < cols; c++) sb.Append(c == 0 ? "" : ",").Append("out_").Append(c.ToString(CultureInfo.InvariantCulture));
        sb.Append('\n');
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (c > 0) sb.Append(',');
                sb.Append(values[r * cols + c].ToString("R", CultureInfo.InvariantCulture));
            }
            sb.Append('\n');
        }
        RunFolder.WriteAtomic(Path.Combine(dir, file), sb.ToString());
    }
}
