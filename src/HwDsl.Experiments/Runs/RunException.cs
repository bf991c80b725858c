namespace HwDsl.Experiments;

/// <summary>
/// A run cannot start or continue as asked: its folder cannot be written, or a resume or replay does not match what was
/// recorded. The message names the folder or file and what to do; hosts show it as one line (exit 2).
/// </summary>
public sealed class RunException(string message, Exception? inner = null) : Exception(message, inner);
