using System.Text;

namespace HwDsl;

/// <summary>Writes <see cref="CoreExperimentSpec.DebugView"/>: one value per line with its provenance marker.</summary>
internal static class CoreDebugViewWriter
{
    private const int ValueColumn = 22;
    private const int MarkerColumn = 72;

    internal static string Write(CoreExperimentSpec spec)
    {
        var sb = new StringBuilder();
        void Line(int indent, string label, object? value, string path)
        {
            var text = new string(' ', indent) + label;
            text = text.PadRight(Math.Max(ValueColumn, text.Length + 1)) + (value is string s ? s : Format.Value(value));
            sb.AppendLine((text.PadRight(Math.Max(MarkerColumn, text.Length + 1)) + $"[{spec.SourceOf(path)}]").TrimEnd());
        }

        var n = spec.Network;
        sb.AppendLine($"Core experiment \"{spec.Name}\"".PadRight(MarkerColumn) + $"[{spec.SourceOf("Name")}]");
        Line(2, "Seed", spec.Seed, "Seed");
        Line(2, "Data", spec.Data.ToString(), "Data");
        sb.AppendLine("Cores (≤ 256 axons × ≤ 256 neurons, binary crossbar)");
        Line(2, "Image", $"{n.Width}×{n.Height}", "Network.Image");
        Line(2, "Windows", $"{n.Windows.Count} × {n.Windows[0].Size}×{n.Windows[0].Size}: " + string.Join(" ", n.Windows.Select(w => $"({w.X},{w.Y})")), "Network.Windows[0]");
        for (var i = 0; i < n.Layers.Count; i++) Line(2, $"Layer {i}", n.Layers[i].ToString(), $"Network.Layers[{i}]");
        Line(2, "Readout", $"{n.Classes} classes × {n.PerClass} neurons, spike counts summed", "Network.PerClass");
        Line(2, "AxonTypes", $"s = [{string.Join(", ", n.AxonTypeWeights)}], type = axon mod {n.AxonTypeWeights.Count}", "Network.AxonTypeWeights");
        Line(2, "RotatePerNeuron", n.RotateTypesPerNeuron, "Network.RotateTypesPerNeuron");
        Line(2, "Threshold", n.Threshold, "Network.Threshold");
        Line(2, "TimeSteps", n.TimeSteps, "Network.TimeSteps");
        Line(2, "Encoding", n.Encoding == InputEncoding.Threshold ? $"threshold at {Format.Value(n.EncodingThreshold)}" : "stochastic (P = pixel)", "Network.Encoding");
        Line(2, "CoresUsed", n.CoreCount, "Network");
        var t = spec.Training;
        sb.AppendLine("Training");
        Line(2, "Method", t.Method.ToString(), "Training.Method");
        Line(2, "LearningRate", t.LearningRate, "Training.LearningRate");
        Line(2, "Epochs", t.Epochs, "Training.Epochs");
        Line(2, "Batch", t.Batch, "Training.Batch");
        Line(2, "Smoothing", t.Smoothing, "Training.Smoothing");
        Line(2, "ReadoutScale", t.ReadoutScale, "Training.ReadoutScale");
        Line(2, "HardHiddenSpikes", t.HardHiddenSpikes, "Training.HardHiddenSpikes");
        Line(2, "HardOutputSpikes", t.HardOutputSpikes, "Training.HardOutputSpikes");
        Line(2, "Shift", t.Shift, "Training.Shift");
        Line(2, "Ensembles", string.Join(", ", spec.Ensembles), "Ensembles");
        return sb.ToString();
    }
}
