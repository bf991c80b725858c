using System.Globalization;
using System.Text;

namespace HwDsl.Compiler;

/// <summary>
/// An experiment after binding against a device catalog: <see cref="Resolved"/> is the spec with every value final (what
/// runs: device defaults and presets applied, with their provenance), <see cref="Layers"/> the configured layers the
/// compiler builds from. spec.txt, the REPL's view and run.json's devices are rendered from this, so what they show is
/// what ran. Built by <see cref="ExperimentBinder.Bind(ExperimentSpec, DeviceCatalog, int, int)"/>.
/// </summary>
public sealed class BoundExperiment
{
    internal BoundExperiment(ExperimentSpec spec, ExperimentSpec resolved, IReadOnlyList<BoundLayer> layers, int inputs, int classes)
    {
        Spec = spec;
        Resolved = resolved;
        Layers = layers;
        Inputs = inputs;
        Classes = classes;
    }

    /// <summary>The spec as the script declared it.</summary>
    public ExperimentSpec Spec { get; }

    /// <summary>The spec with every value final; equal to <see cref="Spec"/> but where a device supplied a value.</summary>
    public ExperimentSpec Resolved { get; }

    /// <summary>One bound layer per weight layer, in order.</summary>
    public IReadOnlyList<BoundLayer> Layers { get; }

    /// <summary>The network's inputs (the data set's features).</summary>
    public int Inputs { get; }

    /// <summary>The network's outputs (the data set's classes).</summary>
    public int Classes { get; }

    /// <summary>The distinct devices of the analog layers.</summary>
    public IReadOnlyList<BoundDevice> Devices =>
        [.. Layers.Where(l => l.Device is not null).Select(l => l.Device!).DistinctBy(d => (d.Name, d.Preset, d.Settings.ToString()))];

    /// <summary>The resolved spec's view, for a convolutional network how each weight layer maps onto its array, then every
    /// device's parameters, each value with its provenance.</summary>
    public string DebugView()
    {
        var sb = new StringBuilder(Resolved.DebugView());
        // How each weight layer maps onto its array: the matrix (a convolution's kernel matrix) and its tiles. Only for
        // convolutional networks, so that an MLP's spec.txt stays what earlier runs wrote (resume compares the two).
        if (Layers.Any(l => l.Convolution is not null))
        {
            sb.AppendLine("Arrays (per weight layer: inputs × outputs, tiles)");
            foreach (var l in Layers) sb.AppendLine(CultureInfo.InvariantCulture, $"  {l}");
        }
        var devices = Devices;
        if (devices.Count == 0) return sb.ToString();
        sb.AppendLine("Devices (every parameter; explicit = file:line, device preset, device default)");
        foreach (var d in devices)
        {
            var layers = string.Join(", ", Layers.Where(l => l.Device is { } x && x.Name == d.Name && x.Preset == d.Preset && x.Settings.ToString() == d.Settings.ToString()).Select(l => l.Index));
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {d} (layers {layers})");
            foreach (var p in d.Parameters)
            {
                var text = $"    {p.Declared.Name}".PadRight(22) + $"{p.Value.ToString("G6", CultureInfo.InvariantCulture)} {p.Declared.Unit}".TrimEnd();
                sb.AppendLine(text.PadRight(Math.Max(62, text.Length + 1)) + $"[{p.Where}]");
            }
        }
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => DebugView();
}
