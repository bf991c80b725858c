namespace HwDsl;

/// <summary>HW02xx: the shape of the network, followed layer by layer from the data set's image (or feature count).</summary>
internal static class NetworkRules
{
    internal const int MaxUnits = 65536;
    internal const long MaxValuesPerSample = 1L << 24;

    internal static NetworkSpec Check(NetworkBuilder network, Provenance where, DatasetRef? data, Errors errors,
        Dictionary<string, Provenance> provenance, Provenance dataWhere)
    {
        var items = network.Items;
        provenance["Network"] = where;
        for (int k = 0; k < items.Count; k++) provenance[$"Network.Layers[{k}]"] = items[k].Where;

        if (!items.Any(i => i.Layer is DenseSpec))
            errors.Add(RuleCodes.EmptyNetwork, "Network", items.Count,
                $"Network must contain at least one Dense layer; got {items.Count} items and no Dense layer.", where);

        var input = DataImage(data, errors, dataWhere);
        var shape = new ShapeWalk(input, data, errors);
        DenseSpec? last = null;
        Provenance lastWhere = where;
        for (int k = 0; k < items.Count; k++)
        {
            var (layer, at) = items[k];
            var previous = k > 0 ? items[k - 1].Layer : null;
            switch (layer)
            {
                case DenseSpec d:
                    if (d.Units is < 1 or > MaxUnits)
                        errors.Add(RuleCodes.DenseUnits, "Dense.units", d.Units,
                            $"Dense units must be in 1..{MaxUnits}; got {d.Units}.", at);
                    shape.Dense(d, at);
                    last = d;
                    lastWhere = at;
                    break;
                case Conv2dSpec c:
                    if (ConvParameters(c, at, errors)) shape.Conv(c, at);
                    else shape.Lose(c, at);
                    break;
                case PoolSpec p:
                    if (PoolParameters(p, at, errors)) shape.Pool(p, at);
                    else shape.Lose(p, at);
                    break;
                case FlattenSpec f:
                    shape.Flatten(f, at);
                    break;
                case ActivationSpec a:
                    if (k == 0)
                        errors.Add(RuleCodes.StartsWithActivation, a.Kind.ToString(), a.Kind,
                            $"Network must start with a layer (Dense, Conv2d, a pool or Flatten), not an activation; got {a.Kind}() first.", at);
                    else if (previous is ActivationSpec prev)
                        errors.Add(RuleCodes.ActivationAfterActivation, a.Kind.ToString(), a.Kind,
                            $"{a.Kind}() follows {prev.Kind}() directly; each layer takes at most one activation.", at);
                    else if (previous is FlattenSpec)
                        errors.Add(RuleCodes.ActivationAfterFlatten, a.Kind.ToString(), a.Kind,
                            $"{a.Kind}() follows Flatten() directly; apply the activation before Flatten().", at);
                    break;
            }
        }

        if (items.Count > 0 && items.Any(i => i.Layer is DenseSpec) && items[^1].Layer is not DenseSpec)
        {
            var (end, at) = items[^1];
            var (parameter, value) = end is ActivationSpec a ? (a.Kind.ToString(), (object)a.Kind) : (ShapeWalk.Name(end), (object)end);
            errors.Add(RuleCodes.EndsWithActivation, parameter, value,
                $"Network must end with a Dense layer (softmax cross-entropy follows it); got {(end is ActivationSpec e ? e.Kind + "()" : end.ToString())} last.", at);
        }

        if (last is not null && data?.Classes is int classes && last.Units != classes)
            errors.Add(RuleCodes.OutputUnits, "Dense.units", last.Units,
                $"The last Dense layer must have one unit per class of {data.Name} ({classes}); got {last.Units}.", lastWhere);

        return new NetworkSpec(new EquatableList<LayerSpec>(items.Select(i => i.Layer))) { Input = input };
    }

    // The data set's image shape when it is usable (HW0218 otherwise, and then null).
    private static ImageSize? DataImage(DatasetRef? data, Errors errors, Provenance at)
    {
        if (data?.Image is not { } image) return null;
        if (image.Channels < 1 || image.Height < 1 || image.Width < 1)
        {
            errors.Add(RuleCodes.DatasetImage, "Data.Image", image,
                $"The image shape of data set {data.Name} needs channels, height and width ≥ 1; got {image}.", at);
            return null;
        }
        long size = (long)image.Channels * image.Height * image.Width;
        if (data.InputSize is int inputs && size != inputs)
        {
            errors.Add(RuleCodes.DatasetImage, "Data.Image", image,
                $"The image shape of data set {data.Name}, {image}, holds {size} values per sample, but its InputSize is {inputs}.", at);
            return null;
        }
        return image;
    }

    private static bool ConvParameters(Conv2dSpec c, Provenance at, Errors errors)
    {
        var ok = true;
        if (c.Channels is < 1 or > MaxUnits)
            ok = Fail(errors, RuleCodes.ConvChannels, "Conv2d.channels", c.Channels, $"Conv2d channels must be in 1..{MaxUnits}; got {c.Channels}.", at);
        if (c.Kernel < 1)
            ok = Fail(errors, RuleCodes.ConvKernel, "Conv2d.kernel", c.Kernel, $"Conv2d kernel must be at least 1; got {c.Kernel}.", at);
        if (c.Stride < 1)
            ok = Fail(errors, RuleCodes.ConvStride, "Conv2d.stride", c.Stride, $"Conv2d stride must be at least 1; got {c.Stride}.", at);
        if (c.Padding < 0 || (c.Kernel >= 1 && c.Padding >= c.Kernel))
            ok = Fail(errors, RuleCodes.ConvPadding, "Conv2d.padding", c.Padding,
                $"Conv2d padding must be in 0..kernel − 1{(c.Kernel >= 1 ? $" = 0..{c.Kernel - 1}" : "")}; got {c.Padding}.", at);
        return ok;
    }

    private static bool PoolParameters(PoolSpec p, Provenance at, Errors errors)
    {
        var name = p.Kind == PoolKind.Max ? "MaxPool" : "AvgPool";
        if (p.Size < 1)
            return Fail(errors, RuleCodes.PoolWindow, $"{name}.size", p.Size, $"{name} size must be at least 1; got {p.Size}.", at);
        if (p.Stride < 1 || p.Stride > p.Size)
            return Fail(errors, RuleCodes.PoolWindow, $"{name}.stride", p.Stride,
                $"{name} stride must be in 1..size = 1..{p.Size} (a larger stride would skip inputs); got {p.Stride}.", at);
        return true;
    }

    private static bool Fail(Errors errors, string code, string parameter, object value, string message, Provenance at)
    {
        errors.Add(code, parameter, value, message, at);
        return false;
    }
}
