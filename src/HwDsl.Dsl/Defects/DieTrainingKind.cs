namespace HwDsl;

/// <summary>How training treats defective dies.</summary>
public enum DieTrainingKind
{
    /// <summary>Defect-free training; the weights are then deployed on each die.</summary>
    Naive,

    /// <summary>Hardware-aware training on one die's fixed defect map; the weights suit that die.</summary>
    PerDie,

    /// <summary>A fresh die sample from the defect statistics every k mini-batches; one set of weights for most dies.</summary>
    StatisticsAware,
}
