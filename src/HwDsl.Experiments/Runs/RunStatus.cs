namespace HwDsl.Experiments;

/// <summary>
/// The <c>status</c> of a run in <c>run.json</c>. Written atomically on every path: <see cref="Running"/> while it trains,
/// then exactly one of <see cref="Completed"/>, <see cref="Cancelled"/>, <see cref="Failed"/> (with the error, epoch and
/// batch) or <see cref="Diverged"/>. A process killed outright leaves <see cref="Running"/>; readers show such a run as
/// <see cref="Interrupted"/> once its process is gone (<see cref="RunInfo.State"/>).
/// </summary>
public static class RunStatus
{
    /// <summary>Training or evaluating now (or killed: see <see cref="Interrupted"/>).</summary>
    public const string Running = "running";

    /// <summary>Trained every epoch and evaluated.</summary>
    public const string Completed = "completed";

    /// <summary>Stopped by cancellation (Ctrl-C) between mini-batches; finished epochs and a partial result are kept.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>An exception ended the run; <c>failure</c> holds the message, epoch and batch.</summary>
    public const string Failed = "failed";

    /// <summary>A loss, gradient or weight stopped being finite; <c>failure</c> says which, where.</summary>
    public const string Diverged = "diverged";

    /// <summary>Never written: a <see cref="Running"/> run whose process no longer exists.</summary>
    public const string Interrupted = "interrupted";
}
