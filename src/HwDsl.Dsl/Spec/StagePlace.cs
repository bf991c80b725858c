namespace HwDsl;

/// <summary>Where a periphery stage sits in a tile's pipeline.</summary>
public enum StagePlace
{
    /// <summary>In front of the rows: the DAC and its input range (<see cref="InputRange"/>).</summary>
    Input,

    /// <summary>On the array itself: transforms the programmed conductances (<see cref="IrDrop"/>).</summary>
    Array,

    /// <summary>Between the array's columns and the digital sum (ADC, noise, gain errors).</summary>
    Output,
}
