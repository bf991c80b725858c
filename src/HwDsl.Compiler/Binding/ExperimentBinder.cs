using HwDsl.Contracts;

namespace HwDsl.Compiler;

/// <summary>
/// The binding step between the frozen spec (what the script said) and the compiler: resolves every analog layer's
/// device against a <see cref="DeviceCatalog"/>, applies the device's own values where the script set none (with the
/// device as their provenance), builds each layer's level table or binary mapping, and checks everything that needs the
/// devices or the data set's shape — all at once, before anything trains, as <see cref="SpecError"/>s at the script lines
/// that set the values.
/// </summary>
public static class ExperimentBinder
{
    /// <summary>Binds <paramref name="spec"/> for a data set of <paramref name="inputs"/> features and <paramref name="classes"/>
    /// classes; throws <see cref="SpecException"/> listing every problem. A Conv2d layer binds like a Dense one: its kernel
    /// matrix (C·k·k) × channels is the array its tiles, levels and die maps are checked for.</summary>
    public static BoundExperiment Bind(ExperimentSpec spec, DeviceCatalog catalog, int inputs, int classes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<SpecError>();
        var dense = spec.Network.Dense.ToList();
        if (dense.Count > 0 && dense[^1].Units != classes)
            errors.Add(new SpecError(RuleCodes.OutputUnits, "Dense.units", dense[^1].Units.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"The last Dense layer must have one unit per class of {spec.Data.Name} ({classes}); got {dense[^1].Units}.", LastDenseWhere(spec)));

        // Every weight layer's array: a Dense layer's inputs × units, a Conv2d layer's kernel matrix (C·k·k) × channels.
        var shapes = WeightShapes.Of(spec, inputs, errors);
        var sources = new List<(int, LayerValue, Provenance)>();
        var resolvedLayers = new List<LayerHardware>(spec.Layers.Count);
        var bound = new List<(LayerHardware Layer, BoundDevice? Device, ElementParameters Positive, ElementParameters Negative, WeightLevels? Levels, BinaryDeviceMapping? Binary, WeightShapes.Shape Shape)>();
        foreach (var layer in spec.Layers)
        {
            var shape = shapes[layer.Index];
            if (layer.Digital)
            {
                resolvedLayers.Add(layer);
                bound.Add((layer, null, ElementParameters.Ideal, ElementParameters.Ideal, null, null, shape));
                continue;
            }
            var device = DeviceBinding.Bind(spec, layer, catalog, errors);
            if (device is null)
            {
                resolvedLayers.Add(layer);
                continue;
            }

            // The device's own on/off ratio (e.g. 1 + TMR of an MTJ) where the script set none.
            var final = layer;
            if (device.Device.OnOffRatio is { } ratio)
            {
                var fromDevice = Provenance.FromDevice(device.Name, device.Preset);
                if (spec.SourceOf(layer.Index, LayerValue.OnOffRatio).Source == ValueSource.Default)
                {
                    final = final with { Positive = final.Positive with { OnOffRatio = ratio } };
                    sources.Add((layer.Index, LayerValue.OnOffRatio, fromDevice));
                }
                if (spec.SourceOf(layer.Index, LayerValue.NegativeOnOffRatio).Source == ValueSource.Default)
                {
                    final = final with { Negative = final.Negative with { OnOffRatio = ratio } };
                    sources.Add((layer.Index, LayerValue.NegativeOnOffRatio, fromDevice));
                }
            }
            resolvedLayers.Add(final);

            var positive = new ElementParameters(final.Positive.OnOffRatio, final.Positive.NonLinearity, final.Positive.Scale);
            var negative = new ElementParameters(final.Negative.OnOffRatio, final.Negative.NonLinearity, final.Negative.Scale);
            WeightLevels? levels = null;
            BinaryDeviceMapping? binary = null;
            try
            {
                if (final.Binary) binary = new BinaryDeviceMapping(device.Device, positive, device.Name);
                else levels = WeightLevels.Build(device.Device, positive, negative, final.WeightBits, final.Mapping, device.Name);
            }
            catch (ArgumentException e)
            {
                errors.Add(new SpecError(final.Binary ? RuleCodes.DeviceBinaryStates : RuleCodes.DeviceLevels, "Device", $"\"{device.Name}\"",
                    $"Device {device} cannot hold layer {layer.Index}'s weights{(final.Binary ? "" : $" at {final.WeightBits} bits")}: {e.Message.TrimEnd('.')} (a fault of the device model; its parameters: {device.Settings}).",
                    spec.SourceOf(layer.Index, LayerValue.Device)));
            }
            bound.Add((final, device, positive, negative, levels, binary, shape));
        }

        if (errors.Count == 0) DieMapCheck(spec, bound.Where(b => b.Layer.Binary).Select(b => new ArrayShape(b.Layer.Index, b.Shape.Rows, b.Shape.Columns,
            b.Layer.Mapping == WeightMapping.DifferentialPair ? 2 : 1)).ToList(), errors);
        if (errors.Count == 0 && spec.Training.Noise is not null
            && !bound.Any(b => !b.Layer.Digital && (b.Layer.IsNoisy || b.Levels?.HasIntrinsicNoise == true)))
            errors.Add(new SpecError(RuleCodes.NoiseAwareWithoutNoise, "NoiseAware", spec.Training.Noise.ToString(),
                "NoiseAware injects each layer's own programming, read and per-MVM noise, but no analog layer has any (neither its device nor ProgrammingNoise, ReadNoise, ReadNoisePerMvm or OutputNoise); set one, or use HardwareAware().",
                spec.SourceOf("Training.Noise")));
        if (errors.Count > 0) throw new SpecException([.. errors.Distinct()]);

        var resolved = (spec with { Layers = new List<LayerHardware>(resolvedLayers).AsReadOnly() }).WithSources(sources);
        var layers = bound.Select(b => new BoundLayer(b.Layer, b.Shape.Rows, b.Shape.Columns, b.Device, b.Positive, b.Negative, b.Levels, b.Binary, resolved)
        {
            Convolution = b.Shape.Convolution,
        }).ToList();
        return new BoundExperiment(spec, resolved, layers, inputs, classes);
    }

    /// <summary>Binds with the data set's shape as the DSL knows it (<see cref="DatasetRef.InputSize"/>, <see cref="DatasetRef.Classes"/>).</summary>
    public static BoundExperiment Bind(ExperimentSpec spec, DeviceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Data.InputSize is not int inputs || spec.Data.Classes is not int classes)
            throw new ArgumentException($"data set '{spec.Data.Name}' does not declare its inputs and classes; bind with the loaded data set's shape.");
        return Bind(spec, catalog, inputs, classes);
    }

    /// <summary>Like <see cref="Bind(ExperimentSpec, DeviceCatalog, int, int)"/>, but returns the errors instead of throwing.</summary>
    public static BoundExperiment? TryBind(ExperimentSpec spec, DeviceCatalog catalog, int inputs, int classes, out IReadOnlyList<SpecError> errors)
    {
        try
        {
            var bound = Bind(spec, catalog, inputs, classes);
            errors = [];
            return bound;
        }
        catch (SpecException e)
        {
            errors = e.Errors;
            return null;
        }
    }

    // Measured die maps must fit the arrays they are loaded onto: checked here, before training, not when evaluating.
    private static void DieMapCheck(ExperimentSpec spec, IReadOnlyList<ArrayShape> shapes, List<SpecError> errors)
    {
        if (spec.Evaluation.Dies?.Files is not { } files) return;
        foreach (var file in files)
        {
            try
            {
                DieMapFile.Load(file, shapes);
            }
            catch (SpecException e)
            {
                errors.AddRange(e.Errors);
            }
        }
    }

    private static Provenance LastDenseWhere(ExperimentSpec spec)
    {
        for (var k = spec.Network.Layers.Count - 1; k >= 0; k--)
            if (spec.Network.Layers[k] is DenseSpec) return spec.SourceOfNetworkItem(k);
        return Provenance.Default;
    }
}
