namespace HwDsl.Sweeps;

/// <summary>
/// A problem with the sweep asked for, or with the cluster it should run on: one line that names the value, where
/// it came from and what to do. The CLI prints it without a stack trace and exits with 2.
/// </summary>
public sealed class SweepException(string message) : Exception(message);
