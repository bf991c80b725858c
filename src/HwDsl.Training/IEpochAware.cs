namespace HwDsl.Training;

/// <summary>
/// A model (or layer) whose forward pass depends on training progress, e.g. a relaxation whose sharpness β is
/// annealed over epochs, or a hardware model that trains through a relaxation but is tested as deployed.
/// The trainer calls <see cref="BeginEpoch"/> before each epoch's first batch and brackets each epoch's test
/// evaluation with <see cref="BeginEvaluation"/> and <see cref="EndEvaluation"/>.
/// </summary>
public interface IEpochAware
{
    /// <summary>Called with the 0-based epoch about to start and the total number of epochs.</summary>
    void BeginEpoch(int epoch, int epochs);

    /// <summary>Called before the per-epoch test evaluation.</summary>
    void BeginEvaluation() { }

    /// <summary>Called after the per-epoch test evaluation.</summary>
    void EndEvaluation() { }
}
