namespace HwDsl;

/// <summary>HW06xx: limits and wiring of TrueNorth-like cores, and their training.</summary>
internal static class CoreRules
{
    internal static CoreNetworkSpec? CheckNetwork(CoreNetworkBuilder n, DatasetRef? data, Errors errors, Dictionary<string, Provenance> provenance)
    {
        var s = n.Settings;
        var image = s.GetOr(CoreKey.Image, (28, 28));
        var (width, height) = image.Value;
        provenance[CoreKey.Image.Path] = image.Where;
        if (width < 1 || height < 1)
            errors.Add(RuleCodes.CoreImage, "Image", $"{width}×{height}", $"Image width and height must be >= 1; got {width}×{height}.", image.Where);
        else if (data?.InputSize is int inputs && width * height != inputs)
            errors.Add(RuleCodes.CoreImage, "Image", $"{width}×{height}",
                $"Image {width}×{height} has {width * height} pixels but data set '{data.Name}' has {inputs} inputs.", image.Where);

        var windows = Windows(n, width, height, errors, provenance);
        var layers = Layers(n, windows, errors, provenance);

        var perClass = s.GetOr(CoreKey.PerClass, null);
        provenance[CoreKey.PerClass.Path] = perClass.Where;
        var classes = data?.Classes;
        if (perClass.Value is not int pc)
            errors.Add(RuleCodes.CoreReadout, "Readout", null, "The network needs a class-sum readout: call .Readout(perClass: 25).", provenance["Network"]);
        else if (pc < 1)
            errors.Add(RuleCodes.CoreReadout, "Readout.perClass", pc, $"Readout perClass must be >= 1; got {pc}.", perClass.Where);
        else if (classes is null)
            errors.Add(RuleCodes.CoreReadout, "Data", data?.Name, $"The readout needs the data set's class count; data set '{data?.Name}' does not declare one (Datasets.Named(name, classes: …)).", perClass.Where);
        else if (layers is { Count: > 0 } && layers[^1].TotalNeurons != classes * pc)
            errors.Add(RuleCodes.CoreReadout, "Readout.perClass", pc,
                $"The last layer has {layers[^1].TotalNeurons} neurons but the readout needs {classes} classes × {pc} = {classes * pc}.", perClass.Where);
        else if (layers is { Count: > 0 } && pc % layers[^1].Cores != 0)
            errors.Add(RuleCodes.CoreReadout, "Readout.perClass", pc,
                $"Readout perClass {pc} must be a multiple of the last layer's {layers[^1].Cores} cores: every output core gives every class perClass / cores neurons.", perClass.Where);

        var types = s.GetOr(CoreKey.AxonTypes, new EquatableList<int>([1, -1]));
        var rotate = s.GetOr(CoreKey.Rotate, true);
        provenance[CoreKey.AxonTypes.Path] = types.Where;
        provenance[CoreKey.Rotate.Path] = rotate.Where;
        IReadOnlyList<int> typeWeights = types.Value;
        if (typeWeights.Count is < 1 or > Cores.MaxAxonTypes || typeWeights.Any(w => Math.Abs(w) > Cores.MaxInteger) || typeWeights.All(w => w == 0))
            errors.Add(RuleCodes.AxonTypes, "AxonTypes", typeWeights,
                $"AxonTypes must give 1..{Cores.MaxAxonTypes} integer weights in [-{Cores.MaxInteger}, {Cores.MaxInteger}], not all zero; got {typeWeights}.", types.Where);

        var threshold = s.GetOr(CoreKey.Threshold, 1);
        provenance[CoreKey.Threshold.Path] = threshold.Where;
        if (threshold.Value is < 1 or > Cores.MaxInteger)
            errors.Add(RuleCodes.CoreThreshold, "Threshold", threshold.Value, $"Threshold must be an integer in 1..{Cores.MaxInteger}; got {threshold.Value}.", threshold.Where);

        var ticks = s.GetOr(CoreKey.TimeSteps, 1);
        var encoding = s.GetOr(CoreKey.Encoding, InputEncoding.Threshold);
        var pixel = s.GetOr(CoreKey.EncodingThreshold, 0.5);
        provenance[CoreKey.TimeSteps.Path] = ticks.Where;
        provenance[CoreKey.Encoding.Path] = encoding.Where;
        provenance[CoreKey.EncodingThreshold.Path] = pixel.Where;
        int t = ticks.Value;
        double p = pixel.Value;
        if (t is < 1 or > 1024)
            errors.Add(RuleCodes.TimeSteps, "TimeSteps", t, $"TimeSteps must be 1..1024; got {t}.", ticks.Where);
        else if (t > 1 && encoding.Value == InputEncoding.Threshold)
            errors.Add(RuleCodes.TimeSteps, "TimeSteps", t,
                $"TimeSteps {t} with threshold encoding repeats the same tick {t} times; use InputEncoding.Stochastic or 1 tick.", ticks.Where);
        if (!(p > 0 && p <= 1))
            errors.Add(RuleCodes.TimeSteps, "TimeSteps.threshold", p, $"The encoding threshold must be in (0, 1]; got {Format.Value(p)}.", pixel.Where);

        if (errors.Any || windows is null || layers is null) return null;
        return new CoreNetworkSpec(width, height, new EquatableList<WindowSpec>(windows), new EquatableList<CoreLayerSpec>(layers),
            classes ?? 0, perClass.Value!.Value, new EquatableList<int>(typeWeights), rotate.Value, threshold.Value, t,
            encoding.Value, p);
    }

    private const int MaxShift = 8;

    internal static CoreTrainingSpec CheckTraining(SettingBag t, Errors errors, Dictionary<string, Provenance> provenance)
    {
        var method = t.GetOr(CoreKey.Method, CoreTrainingMethod.LearnedBinary);
        provenance[CoreKey.Method.Path] = method.Where;
        var recipe = TrainingRules.CheckRecipe(t, RuleCodes.CoreTraining, errors, provenance);
        var smoothing = t.GetOr(CoreKey.Smoothing, 1.0);
        var scale = t.GetOr(CoreKey.ReadoutScale, 1.0);
        var learned = method.Value == CoreTrainingMethod.LearnedBinary;
        var hard = t.GetOr(CoreKey.HardHidden, learned);
        var hardOut = t.GetOr(CoreKey.HardOutput, learned);
        var shift = t.GetOr(CoreKey.Shift, 0);
        provenance[CoreKey.Smoothing.Path] = smoothing.Where;
        provenance[CoreKey.ReadoutScale.Path] = scale.Where;
        provenance[CoreKey.HardHidden.Path] = hard.Where;
        provenance[CoreKey.HardOutput.Path] = hardOut.Where;
        provenance[CoreKey.Shift.Path] = shift.Where;
        double sv = smoothing.Value, rv = scale.Value;
        if (!(sv > 0 && double.IsFinite(sv)))
            errors.Add(RuleCodes.CoreSmoothing, "Smoothing", sv, $"Smoothing sigma must be finite and > 0; got {Format.Value(sv)}.", smoothing.Where);
        if (!(rv > 0 && double.IsFinite(rv)))
            errors.Add(RuleCodes.CoreSmoothing, "ReadoutScale", rv, $"ReadoutScale must be finite and > 0; got {Format.Value(rv)}.", scale.Where);
        if (hard.Value && !learned)
            errors.Add(RuleCodes.CoreSmoothing, "HardHiddenSpikes", true,
                "HardHiddenSpikes needs LearnedBinary: the probabilistic baseline's connections are probabilities, so its forward pass has no deterministic spike.", hard.Where);
        if (shift.Value is < 0 or > MaxShift)
            errors.Add(RuleCodes.CoreTraining, "Shift", shift.Value, $"Shift must be 0..{MaxShift} pixels; got {shift.Value}.", shift.Where);
        if (hardOut.Value && !learned)
            errors.Add(RuleCodes.CoreSmoothing, "HardOutputSpikes", true,
                "HardOutputSpikes needs LearnedBinary: the probabilistic baseline's connections are probabilities, so its forward pass has no deterministic spike.", hardOut.Where);
        return new CoreTrainingSpec(method.Value, recipe.LearningRate, recipe.Epochs, recipe.Batch, sv, rv, hard.Value, hardOut.Value, shift.Value)
        {
            Optimizer = recipe.Optimizer,
            Momentum = recipe.Momentum,
            WeightDecay = recipe.WeightDecay,
            Schedule = recipe.Schedule,
        };
    }

    internal static IReadOnlyList<int> CheckEnsembles(Setting<EquatableList<int>> ensembles, Errors errors, Dictionary<string, Provenance> provenance)
    {
        provenance["Ensembles"] = ensembles.Where;
        var sizes = ensembles.Value;
        if (sizes.Count == 0 || sizes.Any(x => x is < 1 or > 1024))
            errors.Add(RuleCodes.Ensembles, "Ensembles", sizes, $"Ensembles must list sizes in 1..1024; got {sizes}.", ensembles.Where);
        return new EquatableList<int>(sizes.Distinct().Order());
    }

    private static List<WindowSpec>? Windows(CoreNetworkBuilder n, int width, int height, Errors errors, Dictionary<string, Provenance> provenance)
    {
        if (n.WindowList.Count == 0)
        {
            errors.Add(RuleCodes.CoreMissing, "Windows", null, "The network needs input windows: call .Windows(size, stride) or .Window(x, y, size).", provenance["Network"]);
            return null;
        }
        var list = new List<WindowSpec>();
        var ok = true;
        for (var i = 0; i < n.WindowList.Count; i++)
        {
            var (w, where) = n.WindowList[i];
            provenance[$"Network.Windows[{i}]"] = where;
            if (w.Size < 1 || w.Size > Math.Min(width, height) || (w.X is null && w.Stride < 1))
            {
                errors.Add(RuleCodes.CoreWindow, "Windows", $"size {w.Size}, stride {w.Stride}",
                    $"A window must have size 1..{Math.Min(width, height)} (the image is {width}×{height}) and stride >= 1; got size {w.Size}, stride {w.Stride}.", where);
                ok = false;
                continue;
            }
            if (w.X is int x && w.Y is int y)
            {
                if (x < 0 || y < 0 || x + w.Size > width || y + w.Size > height)
                {
                    errors.Add(RuleCodes.CoreWindow, "Window", $"({x},{y}) size {w.Size}",
                        $"Window at ({x},{y}) of size {w.Size} leaves the {width}×{height} image.", where);
                    ok = false;
                }
                else list.Add(new WindowSpec(x, y, w.Size));
                continue;
            }
            for (var top = 0; top + w.Size <= height; top += w.Stride)
                for (var left = 0; left + w.Size <= width; left += w.Stride)
                    list.Add(new WindowSpec(left, top, w.Size));
        }
        if (ok && list.Select(w => w.Size).Distinct().Count() > 1)
        {
            errors.Add(RuleCodes.CoreWindow, "Windows", string.Join(", ", list.Select(w => w.Size).Distinct()),
                "All windows must have the same size (each is one source of the first layer's cores).", n.WindowList[^1].Where);
            ok = false;
        }
        return ok ? list : null;
    }

    private static List<CoreLayerSpec>? Layers(CoreNetworkBuilder n, List<WindowSpec>? windows, Errors errors, Dictionary<string, Provenance> provenance)
    {
        if (n.LayerList.Count == 0)
        {
            errors.Add(RuleCodes.CoreMissing, "Layer", null, "The network needs at least one layer of cores: call .Layer(neurons).", provenance["Network"]);
            return null;
        }
        if (windows is null) return null;
        var list = new List<CoreLayerSpec>();
        int sources = windows.Count, width = windows[0].Size * windows[0].Size;
        for (var i = 0; i < n.LayerList.Count; i++)
        {
            var (neurons, fanIn, where) = n.LayerList[i];
            provenance[$"Network.Layers[{i}]"] = where;
            var what = i == 0 ? "windows" : $"cores of layer {i - 1}";
            var ok = true;
            if (neurons is < 1 or > Cores.MaxNeurons)
            {
                errors.Add(RuleCodes.CoreNeurons, $"Layers[{i}].neurons", neurons, $"A core has 1..{Cores.MaxNeurons} neurons; layer {i} asks for {neurons}.", where);
                ok = false;
            }
            if (fanIn < 1 || sources % fanIn != 0)
            {
                errors.Add(RuleCodes.CoreFanIn, $"Layers[{i}].fanIn", fanIn,
                    $"Layer {i} fan-in must be >= 1 and divide the {sources} {what} below it; got {fanIn}.", where);
                return null;
            }
            var axons = fanIn * width;
            if (axons > Cores.MaxAxons)
            {
                errors.Add(RuleCodes.CoreAxons, $"Layers[{i}].fanIn", fanIn,
                    $"A core has at most {Cores.MaxAxons} axons; layer {i} feeds each core {fanIn} × {width} = {axons} ({what}).", where);
                ok = false;
            }
            if (!ok) return null;
            list.Add(new CoreLayerSpec(sources / fanIn, neurons, fanIn, axons));
            sources = sources / fanIn;
            width = neurons;
        }
        return list;
    }
}
