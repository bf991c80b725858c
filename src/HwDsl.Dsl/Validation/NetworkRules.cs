namespace HwDsl;

/// <summary>HW02xx: the shape of the network.</summary>
internal static class NetworkRules
{
    internal const int MaxUnits = 65536;

    internal static NetworkSpec Check(NetworkBuilder network, Provenance where, DatasetRef? data, Errors errors,
        Dictionary<string, Provenance> provenance)
    {
        var items = network.Items;
        provenance["Network"] = where;
        for (int k = 0; k < items.Count; k++) provenance[$"Network.Layers[{k}]"] = items[k].Where;

        if (!items.Any(i => i.Layer is DenseSpec))
            errors.Add(RuleCodes.EmptyNetwork, "Network", items.Count,
                $"Network must contain at least one Dense layer; got {items.Count} items and no Dense layer.", where);

        DenseSpec? last = null;
        Provenance lastWhere = where;
        for (int k = 0; k < items.Count; k++)
        {
            var (layer, at) = items[k];
            if (layer is DenseSpec d)
            {
                if (d.Units is < 1 or > MaxUnits)
                    errors.Add(RuleCodes.DenseUnits, "Dense.units", d.Units,
                        $"Dense units must be in 1..{MaxUnits}; got {d.Units}.", at);
                last = d;
                lastWhere = at;
            }
            else if (layer is ActivationSpec a)
            {
                if (k == 0)
                    errors.Add(RuleCodes.StartsWithActivation, a.Kind.ToString(), a.Kind,
                        $"Network must start with a Dense layer; got {a.Kind}() first.", at);
                else if (items[k - 1].Layer is ActivationSpec prev)
                    errors.Add(RuleCodes.ActivationAfterActivation, a.Kind.ToString(), a.Kind,
                        $"{a.Kind}() follows {prev.Kind}() directly; each Dense layer takes at most one activation.", at);
                if (k == items.Count - 1 && items.Any(i => i.Layer is DenseSpec))
                    errors.Add(RuleCodes.EndsWithActivation, a.Kind.ToString(), a.Kind,
                        $"Network must end with a Dense layer (softmax cross-entropy follows it); got {a.Kind}() last.", at);
            }
        }

        if (last is not null && data?.Classes is int classes && last.Units != classes)
            errors.Add(RuleCodes.OutputUnits, "Dense.units", last.Units,
                $"The last Dense layer must have one unit per class of {data.Name} ({classes}); got {last.Units}.", lastWhere);

        return new NetworkSpec(new EquatableList<LayerSpec>(items.Select(i => i.Layer)));
    }
}
