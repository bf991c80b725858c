namespace HwDsl.Sweeps;

/// <summary>What Slurm says about one array task: its state (PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, ...) and, once ended, its exit code.</summary>
public sealed record SlurmTask(string JobId, int Index, string State, int? ExitCode, string? Reason)
{
    /// <summary>Still queued or running.</summary>
    public bool Active => State is "PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING" or "REQUEUED" or "RESIZING" or "SUSPENDED";
}
