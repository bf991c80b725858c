using System.Text;

namespace HwDsl;

/// <summary>Writes <see cref="ExperimentSpec.DebugView"/>: one value per line, each with its provenance marker.</summary>
internal static class DebugViewWriter
{
    private const int ValueColumn = 22;
    private const int MarkerColumn = 62;

    internal static string Write(ExperimentSpec spec)
    {
        var sb = new StringBuilder();
        void Line(int indent, string label, object? value, string? path)
        {
            var text = new string(' ', indent) + label;
            text = text.PadRight(Math.Max(ValueColumn, text.Length + 1)) + (value is string s ? s : Format.Value(value));
            if (path is not null) text = text.PadRight(Math.Max(MarkerColumn, text.Length + 1)) + $"[{spec.SourceOf(path)}]";
            sb.AppendLine(text.TrimEnd());
        }

        sb.AppendLine($"Experiment \"{spec.Name}\"".PadRight(MarkerColumn) + $"[{spec.SourceOf("Name")}]");
        Line(2, "Seed", spec.Seed, "Seed");
        Line(2, "Data", spec.Data.ToString(), "Data");
        Line(2, "Network", spec.Network.ToString(), "Network");

        sb.AppendLine("Hardware (per Dense layer; explicit = file:line, preset, default)");
        var dense = spec.Network.Dense.ToList();
        foreach (var l in spec.Layers)
        {
            string p = $"Layers[{l.Index}].";
            string units = l.Index < dense.Count ? $"Dense({dense[l.Index].Units})" : "";
            if (l.Digital)
            {
                Line(2, $"Layer {l.Index} {units}", "digital (float MAC, no analog effects)", p + "Digital");
                continue;
            }
            Line(2, $"Layer {l.Index} {units}", $"analog, {l.Mapping}", p + "Mapping");
            Line(4, "Device", l.Device, p + "Device");
            if (l.DeviceChoice.Preset is { } devicePreset) Line(6, "DevicePreset", devicePreset, p + DeviceKey.Preset);
            foreach (var dp in l.DeviceChoice.Parameters) Line(6, dp.Name, dp.Value, p + DeviceKey.Parameter(dp.Name));
            Line(4, "WeightBits", l.WeightBits, p + "WeightBits");
            Line(4, "InputBits", l.InputBits is int ib ? ib.ToString() : "float", p + "InputBits");
            Line(4, "ActivationBits", l.ActivationBits is int ab ? ab.ToString() : "float", p + "ActivationBits");
            Line(4, "OnOffRatio", l.Positive.OnOffRatio, p + "Positive.OnOffRatio");
            Line(4, "NonLinearity", l.Positive.NonLinearity, p + "Positive.NonLinearity");
            if (l.Mapping == WeightMapping.DifferentialPair)
            {
                Line(4, "G- OnOffRatio", l.Negative.OnOffRatio, p + "Negative.OnOffRatio");
                Line(4, "G- NonLinearity", l.Negative.NonLinearity, p + "Negative.NonLinearity");
                Line(4, "Asymmetry", $"{Format.Value(l.Asymmetry)} (G- scale {Format.Value(l.Negative.Scale)})", p + "Negative.Scale");
            }
            Line(4, "WeightRange", l.Range.ToString(), p + "Range");
            Line(4, "ProgrammingNoise", l.ProgrammingSigma, p + "ProgrammingSigma");
            Line(4, "ReadNoise", l.ReadSigma, p + "ReadSigma");
        }

        var t = spec.Training;
        sb.AppendLine("Training");
        Line(2, "Mode", t.Mode.ToString(), "Training.Mode");
        if (t.Relaxation is not null) Line(2, "Relaxation", t.Relaxation.ToString(), "Training.Relaxation");
        Line(2, "Optimizer", t.Optimizer.ToString(), "Training.Optimizer");
        Line(2, "LearningRate", t.LearningRate, "Training.LearningRate");
        if (t.Optimizer == OptimizerKind.Sgd) Line(2, "Momentum", t.Momentum, "Training.Momentum");
        if (t.Optimizer == OptimizerKind.AdamW) Line(2, "WeightDecay", t.WeightDecay, "Training.WeightDecay");
        Line(2, "Epochs", t.Epochs, "Training.Epochs");
        Line(2, "Batch", t.Batch, "Training.Batch");
        Line(2, "Schedule", t.Schedule.ToString(), "Training.Schedule");

        sb.AppendLine("Evaluation");
        Line(2, "Model", spec.Evaluation.Deployed ? "deployed (hard)" : "float", null);
        Line(2, "Samples", spec.Evaluation.Samples, "Evaluation.Samples");
        if (spec.Evaluation.ReadSeconds > 0) Line(2, "ReadAt", $"{Format.Value(spec.Evaluation.ReadSeconds)} s after programming", "Evaluation.ReadSeconds");
        return sb.ToString();
    }
}
