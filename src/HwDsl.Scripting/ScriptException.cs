namespace HwDsl.Scripting;

/// <summary>
/// A script that cannot run as written: compile errors (one <c>file(line,col): error CSxxxx: message</c> per line),
/// an unknown <c>--set</c> name, a bad parameter value, or a failure at a script line. The CLI prints
/// <see cref="Exception.Message"/> and exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class ScriptException(string message, int exitCode = ScriptException.Failed) : Exception(message)
{
    /// <summary>The script failed (compile error, DSL error, an exception in the script).</summary>
    public const int Failed = 1;

    /// <summary>A file or folder the script uses cannot be read or written, or a run cannot continue as asked.</summary>
    public const int BadInput = 2;

    /// <summary>Training diverged (a non-finite loss, gradient or weight).</summary>
    public const int Diverged = 3;

    /// <summary>What <c>hwdsl run</c> exits with.</summary>
    public int ExitCode { get; } = exitCode;
}
