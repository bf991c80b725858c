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
        void At(int indent, string label, object? value, int layer, LayerValue what) => Line(indent, label, value, LayerValues.Path(layer, what));
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

        var weights = spec.Network.WeightLayers;
        sb.AppendLine($"Hardware (per {(weights.Any(w => w is Conv2dSpec) ? "weight" : "Dense")} layer; explicit = file:line, preset, default)");
        foreach (var l in spec.Layers)
        {
            var i = l.Index;
            string units = l.Index < weights.Count ? weights[l.Index].ToString() : "";
            if (l.Digital)
            {
                At(2, $"Layer {l.Index} {units}", "digital (float MAC, no analog effects)", i, LayerValue.Digital);
                continue;
            }
            At(2, $"Layer {l.Index} {units}", $"analog, {l.Mapping}", i, LayerValue.Mapping);
            At(4, "Device", l.Device, i, LayerValue.Device);
            if (l.DeviceChoice.Preset is { } devicePreset) At(6, "DevicePreset", devicePreset, i, LayerValue.DevicePreset);
            foreach (var dp in l.DeviceChoice.Parameters) Line(6, dp.Name, dp.Value, $"Layers[{i}].{HwKey.ParameterPrefix}{dp.Name}");
            At(4, "WeightBits", l.WeightBits, i, LayerValue.WeightBits);
            At(4, "InputBits", l.InputBits is int ib ? ib.ToString() : "float", i, LayerValue.InputBits);
            At(4, "ActivationBits", l.ActivationBits is int ab ? ab.ToString() : "float", i, LayerValue.ActivationBits);
            // A plugin device may have an on/off ratio of its own, which binding applies where the script set none.
            var deviceMaySet = !string.Equals(l.Device, Hardware.DefaultDevice, StringComparison.OrdinalIgnoreCase);
            string Ratio(double r, LayerValue what) => deviceMaySet && spec.SourceOf(i, what).Source == ValueSource.Default
                ? $"{Format.Value(r)} unless the device has its own" : Format.Value(r);
            At(4, "OnOffRatio", Ratio(l.Positive.OnOffRatio, LayerValue.OnOffRatio), i, LayerValue.OnOffRatio);
            At(4, "NonLinearity", l.Positive.NonLinearity, i, LayerValue.NonLinearity);
            if (l.Mapping == WeightMapping.DifferentialPair)
            {
                At(4, "G- OnOffRatio", Ratio(l.Negative.OnOffRatio, LayerValue.NegativeOnOffRatio), i, LayerValue.NegativeOnOffRatio);
                At(4, "G- NonLinearity", l.Negative.NonLinearity, i, LayerValue.NegativeNonLinearity);
                At(4, "Asymmetry", $"{Format.Value(l.Asymmetry)} (G- scale {Format.Value(l.Negative.Scale)})", i, LayerValue.Asymmetry);
            }
            At(4, "WeightRange", l.Range.ToString(), i, LayerValue.WeightRange);
            At(4, "ProgrammingNoise", l.ProgrammingSigma, i, LayerValue.ProgrammingNoise);
            At(4, "ReadNoise", l.ReadSigma, i, LayerValue.ReadNoise);
            At(4, "TileSize", $"{l.TileRows} × {l.TileColumns}", i, LayerValue.TileRows);
            foreach (var stage in l.Periphery) Line(4, "Periphery", stage.ToString(), $"Layers[{i}].{HwKey.StagePrefix}{stage.Name}");
            if (l.Binary) At(4, "Binary", "±1 as device states, learned scale", i, LayerValue.Binary);
            if (!l.Defects.Open.IsZero) At(4, "Defects.Open", l.Defects.Open.ToString(), i, LayerValue.OpenRate);
            if (!l.Defects.Shorted.IsZero) At(4, "Defects.Shorted", l.Defects.Shorted.ToString(), i, LayerValue.ShortedRate);
            if (!l.Defects.StuckRandom.IsZero) At(4, "Defects.StuckRandom", l.Defects.StuckRandom.ToString(), i, LayerValue.StuckRandomRate);
            if (l.DeviceToDevice > 0) At(4, "DeviceToDevice", l.DeviceToDevice, i, LayerValue.DeviceToDevice);
        }

        var t = spec.Training;
        sb.AppendLine("Training");
        Line(2, "Mode", t.Mode.ToString(), TrainKey.Mode.Path);
        if (t.Relaxation is not null) Line(2, "Relaxation", t.Relaxation.ToString(), TrainKey.Relaxation.Path);
        if (t.Noise is not null) Line(2, "Noise", t.Noise.ToString(), TrainKey.Noise.Path);
        Line(2, "Optimizer", t.Optimizer.ToString(), TrainKey.Optimizer.Path);
        Line(2, "LearningRate", t.LearningRate, TrainKey.LearningRate.Path);
        if (t.Optimizer == OptimizerKind.Sgd) Line(2, "Momentum", t.Momentum, TrainKey.Momentum.Path);
        if (t.Optimizer == OptimizerKind.AdamW) Line(2, "WeightDecay", t.WeightDecay, TrainKey.WeightDecay.Path);
        Line(2, "Epochs", t.Epochs, TrainKey.Epochs.Path);
        Line(2, "Batch", t.Batch, TrainKey.Batch.Path);
        Line(2, "Schedule", t.Schedule.ToString(), TrainKey.Schedule.Path);
        if (t.Dies.Kind != DieTrainingKind.Naive) Line(2, "Dies", t.Dies.ToString(), TrainKey.Dies.Path);
        if (t.Mode != TrainingMode.Float) Line(2, "Rounding", t.Rounding.ToString(), TrainKey.Rounding.Path);

        sb.AppendLine("Evaluation");
        Line(2, "Model", spec.Evaluation.Deployed ? "deployed (hard)" : "float", null);
        Line(2, "Samples", spec.Evaluation.Samples, EvalKey.Samples.Path);
        if (spec.Evaluation.ReadSeconds > 0) Line(2, "ReadAt", $"{Format.Value(spec.Evaluation.ReadSeconds)} s after programming", EvalKey.ReadSeconds.Path);
        if (spec.Evaluation.Dies is { } dies) Line(2, "Dies", dies.ToString(), EvalKey.Dies.Path);
        if (spec.Evaluation.Times.Count > 0)
            Line(2, "OverTime", string.Join(", ", spec.Evaluation.Times.Select(x => Format.Value(x) + " s")) + " after programming", EvalKey.Times.Path);
        if (spec.Evaluation.DriftCompensation) Line(2, "DriftCompensation", "global, one scalar per tile", EvalKey.DriftCompensation.Path);

        // Only when the script chose a technology or a constant: the spec.txt of earlier runs stays as it was (resume compares).
        var costPaths = spec.Provenance.Where(p => p.Key.StartsWith(CostKey.Prefix, StringComparison.Ordinal) && p.Value.Source != ValueSource.Default).ToList();
        if (costPaths.Count > 0)
        {
            sb.AppendLine("Cost (technology constants; explicit = file:line, preset)");
            Line(2, "Technology", spec.Cost.Technology.Name, CostKey.Technology.Path);
            Line(2, "TileSchedule", spec.Cost.Schedule.ToString(), CostKey.Schedule.Path);
            foreach (var v in spec.Cost.Technology.Values) Line(2, v.Constant.ToString(), $"{Format.Value(v.Value)} {v.Unit}", CostKey.Constant(v.Constant).Path);
        }
        return sb.ToString();
    }
}
