namespace HwDsl.Training;

/// <summary>
/// Where in training an exception was thrown. The trainer attaches the epoch and batch to any exception that leaves it
/// (in <see cref="Exception.Data"/>, so the exception keeps its type and stack), and a run record reads them back.
/// </summary>
public static class TrainingFailure
{
    private const string EpochKey = "hwdsl.epoch", BatchKey = "hwdsl.batch";

    /// <summary>The 0-based epoch and batch (null batch: after the epoch's last batch, e.g. its test evaluation), or null
    /// when the exception did not come out of the trainer.</summary>
    public static (int Epoch, int? Batch)? Position(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x.Data[EpochKey] is int epoch) return (epoch, x.Data[BatchKey] as int?);
        return null;
    }

    /// <summary>Records the position once (the innermost trainer call wins) and returns false, for use in an exception filter.</summary>
    internal static bool Mark(Exception e, int epoch, int batch)
    {
        if (e.Data.IsReadOnly || e.Data.Contains(EpochKey)) return false;
        e.Data[EpochKey] = epoch;
        e.Data[BatchKey] = batch >= 0 ? batch : null;
        return false;
    }
}
