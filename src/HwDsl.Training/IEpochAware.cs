namespace HwDsl.Training;

/// <summary>
/// A model (or layer) whose forward pass depends on training progress, e.g. a relaxation whose sharpness β is
/// annealed over epochs. The trainer calls <see cref="BeginEpoch"/> before each epoch's first batch.
/// </summary>
public interface IEpochAware
{
    /// <summary>Called with the 0-based epoch about to start and the total number of epochs.</summary>
    void BeginEpoch(int epoch, int epochs);
}
