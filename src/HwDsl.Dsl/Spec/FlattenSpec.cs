namespace HwDsl;

/// <summary>
/// Ends the image part of a network: the C·H·W values of the image before it become one feature vector for the Dense
/// layers that follow (in channel, row, column order). A Dense layer directly on the data set's image flattens it
/// without one; after a Conv2d or pooling layer it is required (HW0214).
/// </summary>
public sealed record FlattenSpec : LayerSpec
{
    /// <inheritdoc />
    public override string ToString() => "Flatten()";
}
