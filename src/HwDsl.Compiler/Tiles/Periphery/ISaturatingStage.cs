namespace HwDsl.Compiler;

/// <summary>An output stage that clips (an ADC): it counts the outputs it saturated in deployed passes.</summary>
public interface ISaturatingStage
{
    /// <summary>Outputs beyond the range since the last <see cref="ResetCounts"/>.</summary>
    long Saturated { get; }

    /// <summary>Outputs converted since the last <see cref="ResetCounts"/>.</summary>
    long Converted { get; }

    /// <summary>Starts counting anew.</summary>
    void ResetCounts();
}
