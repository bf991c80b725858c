namespace HwDsl;

/// <summary>
/// Which defects hardware-aware training sees in its forward pass (Borders et al. 2023): none (naive: defect-free
/// training, then deployment on each die), one die's fixed map (<see cref="DieTrainingKind.PerDie"/>), or a fresh die
/// drawn from the defect statistics every <see cref="EveryBatches"/> mini-batches (<see cref="DieTrainingKind.StatisticsAware"/>).
/// </summary>
/// <param name="Kind">Naive, per-die or statistics-aware.</param>
/// <param name="Die">For per-die: the die's index in the evaluation population.</param>
/// <param name="EveryBatches">For statistics-aware: mini-batches per die sample, ≥ 1.</param>
public sealed record DieTraining(DieTrainingKind Kind, int Die, int EveryBatches)
{
    /// <summary>No defects in training.</summary>
    public static DieTraining Naive { get; } = new(DieTrainingKind.Naive, 0, 0);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        DieTrainingKind.PerDie => $"per-die (die {Die})",
        DieTrainingKind.StatisticsAware => $"statistics-aware (fresh die every {EveryBatches} batch{(EveryBatches == 1 ? "" : "es")})",
        _ => "naive (defect-free)",
    };
}
