namespace HwDsl;

/// <summary>
/// Follows what each layer of a network receives — an image of known shape, a flat feature vector, or nothing known —
/// and reports the shape rules HW0211–HW0216 and HW0219. After a layer whose shape is already wrong, shapes are no
/// longer judged (one mistake, one error), but the order rules still are.
/// </summary>
internal sealed class ShapeWalk
{
    private enum State { Image, Flat, Unknown }

    private readonly DatasetRef? data;
    private readonly Errors errors;
    private State state;
    private ImageSize? image;
    private bool lost;          // a shape error earlier: Unknown says nothing more
    private LayerSpec? source;  // the layer whose output is the current value (null: the data set)

    internal ShapeWalk(ImageSize? input, DatasetRef? data, Errors errors)
    {
        (this.data, this.errors, image) = (data, errors, input);
        state = input is null ? State.Unknown : State.Image;
        lost = input is null && data?.Image is not null;   // declared but invalid: HW0218 already said so
    }

    /// <summary>The name a layer goes by in messages and rule parameters: Dense, Conv2d, MaxPool, AvgPool, Flatten.</summary>
    internal static string Name(LayerSpec layer) => layer switch
    {
        DenseSpec => "Dense",
        Conv2dSpec => "Conv2d",
        PoolSpec { Kind: PoolKind.Max } => "MaxPool",
        PoolSpec => "AvgPool",
        FlattenSpec => "Flatten",
        ActivationSpec a => a.Kind.ToString(),
        _ => layer.GetType().Name,
    };

    internal void Dense(DenseSpec d, Provenance at)
    {
        if (source is Conv2dSpec or PoolSpec && state != State.Flat)
            errors.Add(RuleCodes.DenseAfterImage, "Dense", d,
                $"{d} follows {source}, whose output is {(image is null ? "an image" : $"a {image} image")}; put Flatten() between them.", at);
        Become(State.Flat, null, d);
    }

    internal void Conv(Conv2dSpec c, Provenance at)
    {
        if (Require(c, at) is not { } input) return;
        int paddedH = input.Height + 2 * c.Padding, paddedW = input.Width + 2 * c.Padding;
        if (c.Kernel > paddedH || c.Kernel > paddedW)
        {
            errors.Add(RuleCodes.KernelLargerThanInput, "Conv2d.kernel", c.Kernel,
                $"{c} has a {c.Kernel}×{c.Kernel} kernel, larger than its input {input} padded by {c.Padding} ({paddedH}×{paddedW}); the kernel can be at most {Math.Min(paddedH, paddedW)}.", at);
            Lose(c, at);
            return;
        }
        Produce(c, c.Output(input), at);
    }

    internal void Pool(PoolSpec p, Provenance at)
    {
        if (Require(p, at) is not { } input) return;
        var name = Name(p);
        if (p.Size > input.Height || p.Size > input.Width)
        {
            errors.Add(RuleCodes.PoolLargerThanInput, $"{name}.size", p.Size,
                $"{p} has a {p.Size}×{p.Size} window, larger than its input {input}, so it leaves nothing; the size can be at most {Math.Min(input.Height, input.Width)}.", at);
            Lose(p, at);
            return;
        }
        int restH = (input.Height - p.Size) % p.Stride, restW = (input.Width - p.Size) % p.Stride;
        if (restH != 0 || restW != 0)
        {
            var sides = input.Height == input.Width ? $"{input.Height} − {p.Size}" : $"{(restH != 0 ? input.Height : input.Width)} − {p.Size}";
            errors.Add(RuleCodes.PoolDoesNotTile, $"{name}.size", p.Size,
                $"{p} does not tile its input {input}: {sides} is not divisible by the stride {p.Stride}, so the last {Math.Max(restH, restW)} row(s) or column(s) would be dropped; change the pool or the layers before it.", at);
            Lose(p, at);
            return;
        }
        Produce(p, p.Output(input), at);
    }

    internal void Flatten(FlattenSpec f, Provenance at)
    {
        if (state == State.Flat)
            errors.Add(RuleCodes.ImageLayerAfterFlat, "Flatten", f,
                $"Flatten() follows {Describe(source)}, whose output is already a flat vector; there is nothing to flatten.", at);
        Become(State.Flat, null, f);
    }

    /// <summary>A Conv2d or pooling layer with bad parameters: what comes after it is an image of unknown shape.</summary>
    internal void Lose(LayerSpec layer, Provenance at)
    {
        if (state == State.Flat) Require(layer, at);
        Become(State.Unknown, null, layer);
        lost = true;
    }

    // The image a Conv2d or pooling layer receives, or null after reporting why there is none.
    private ImageSize? Require(LayerSpec layer, Provenance at)
    {
        switch (state)
        {
            case State.Image:
                return image;
            case State.Flat:
                errors.Add(RuleCodes.ImageLayerAfterFlat, Name(layer), layer,
                    $"{layer} follows {Describe(source)}, whose output is a flat vector, not an image; Conv2d and pooling layers go before Flatten().", at);
                break;
            case State.Unknown when !lost:
                var name = data?.Name ?? "?";
                errors.Add(RuleCodes.NoImageShape, Name(layer), layer,
                    $"{layer} needs an image, but data set {name} declares no image shape; declare it, e.g. Datasets.Named(\"{name}\", image: new ImageSize(channels, height, width)).", at);
                break;
        }
        Become(State.Unknown, null, layer);
        lost = true;
        return null;
    }

    private void Produce(LayerSpec layer, ImageSize output, Provenance at)
    {
        long values = (long)output.Channels * output.Height * output.Width;
        if (values > NetworkRules.MaxValuesPerSample)
        {
            errors.Add(RuleCodes.FeatureMapTooLarge, Name(layer), values,
                $"{layer} outputs {output} = {values} values per sample; at most {NetworkRules.MaxValuesPerSample} are allowed.", at);
            Lose(layer, at);
            return;
        }
        Become(State.Image, output, layer);
    }

    private void Become(State next, ImageSize? shape, LayerSpec layer) => (state, image, source) = (next, shape, layer);

    private static string Describe(LayerSpec? layer) => layer?.ToString() ?? "the data set's input";
}
