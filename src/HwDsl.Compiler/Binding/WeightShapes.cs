using System.Globalization;
using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// The matrix each weight layer programs onto its array: a Dense layer's inputs × units, a Conv2d layer's kernel matrix
/// (C·k·k) × channels with the convolution that feeds it one receptive field per input vector. Followed from the data
/// set's features and, through convolutions and pools, its declared image shape.
/// </summary>
internal static class WeightShapes
{
    /// <summary>One weight layer's array: <paramref name="Rows"/> inputs × <paramref name="Columns"/> outputs, and for a
    /// convolution its geometry.</summary>
    internal readonly record struct Shape(int Rows, int Columns, ConvGeometry? Convolution);

    /// <summary>The shapes of <paramref name="spec"/>'s weight layers for data of <paramref name="inputs"/> features; a
    /// loaded data set whose features are not the declared image is reported in <paramref name="errors"/> (the shapes then
    /// follow the declared image).</summary>
    internal static IReadOnlyList<Shape> Of(ExperimentSpec spec, int inputs, List<SpecError> errors)
    {
        var network = spec.Network;
        var image = network.Input;
        if (network.Layers.Any(l => l is Conv2dSpec or PoolSpec))
        {
            if (image is null)
                throw new ArgumentException($"the network of '{spec.Name}' has image layers but no input image shape; build the spec with Build(), which refuses that (HW0216).");
            if (image.Size != inputs)
                errors.Add(new SpecError(RuleCodes.DatasetImage, "Data.Image", image.ToString(),
                    $"Data set {spec.Data.Name} declares images of {image} ({image.Size.ToString(CultureInfo.InvariantCulture)} values per sample), but the loaded data has {inputs.ToString(CultureInfo.InvariantCulture)} features per sample; the Conv2d and pooling layers need the declared shape.",
                    spec.SourceOf("Data")));
        }

        var shapes = new List<Shape>();
        var width = inputs;
        foreach (var layer in network.Layers)
        {
            switch (layer)
            {
                case Conv2dSpec c:
                    var g = new ConvGeometry(image!.Channels, image.Height, image.Width, c.Channels, c.Kernel, c.Stride, c.Padding);
                    shapes.Add(new Shape(g.PatchSize, c.Channels, g));
                    image = c.Output(image);
                    width = image.Size;
                    break;
                case PoolSpec p:
                    image = p.Output(image!);
                    width = image.Size;
                    break;
                case DenseSpec d:
                    shapes.Add(new Shape(width, d.Units, null));
                    width = d.Units;
                    image = null;
                    break;
            }
        }
        return shapes;
    }
}
