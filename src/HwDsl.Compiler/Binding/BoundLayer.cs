using HwDsl.Contracts;
using HwDsl.Kernels;

namespace HwDsl.Compiler;

/// <summary>
/// One weight layer after binding: every value final (device defaults and presets applied, overrides resolved, every rule
/// checked), with the configured device, its level table or binary mapping, and the tiles it maps onto. The compiler
/// builds the layer from this alone.
/// </summary>
public sealed class BoundLayer
{
    internal BoundLayer(LayerHardware hardware, int inputs, int outputs, BoundDevice? device, ElementParameters positive,
        ElementParameters negative, WeightLevels? levels, BinaryDeviceMapping? binary, ExperimentSpec resolved)
    {
        Hardware = hardware;
        Inputs = inputs;
        Outputs = outputs;
        Device = device;
        Positive = positive;
        Negative = negative;
        Levels = levels;
        BinaryMapping = binary;
        Tiles = new TileGrid(inputs, outputs, hardware.TileRows, hardware.TileColumns);
        _resolved = resolved;
    }

    private readonly ExperimentSpec _resolved;

    /// <summary>The layer's hardware with every value final (the device's own on/off ratio where the script set none).</summary>
    public LayerHardware Hardware { get; }

    /// <summary>0-based weight-layer index.</summary>
    public int Index => Hardware.Index;

    /// <summary>True for a digital (float) layer, which has no device, levels or tiles of its own.</summary>
    public bool Digital => Hardware.Digital;

    /// <summary>Inputs (array rows): a Dense layer's inputs, or a Conv2d layer's receptive-field elements C·k·k.</summary>
    public int Inputs { get; }

    /// <summary>Outputs (array columns): a Dense layer's units, or a Conv2d layer's output channels.</summary>
    public int Outputs { get; }

    /// <summary>For a Conv2d layer, the convolution whose kernel matrix the array holds (each receptive field is one input
    /// vector to its rows); null for a Dense layer.</summary>
    public ConvGeometry? Convolution { get; init; }

    /// <summary>The configured device, or null for a digital layer.</summary>
    public BoundDevice? Device { get; }

    /// <summary>The G+ (or only) element's final parameters.</summary>
    public ElementParameters Positive { get; }

    /// <summary>The G− element's final parameters (equal to <see cref="Positive"/> with a single element).</summary>
    public ElementParameters Negative { get; }

    /// <summary>The achievable levels of a multi-level analog layer (null for digital and binary layers).</summary>
    public WeightLevels? Levels { get; }

    /// <summary>The state → conductance mapping of a binary layer (null otherwise).</summary>
    public BinaryDeviceMapping? BinaryMapping { get; }

    /// <summary>How the layer's array is split over tiles.</summary>
    public TileGrid Tiles { get; }

    /// <summary>Where <paramref name="value"/> of this layer came from.</summary>
    public Provenance SourceOf(LayerValue value) => _resolved.SourceOf(Index, value);

    /// <inheritdoc />
    public override string ToString()
    {
        var matrix = Convolution is { } g ? $"{Inputs}×{Outputs} (kernels of conv {g})" : $"{Inputs}×{Outputs}";
        return Digital ? $"layer {Index}: digital {matrix}" : $"layer {Index}: {Device} {matrix}, {Tiles}";
    }
}
