namespace HwDsl.Scripting;

/// <summary>
/// A script that cannot run as written: compile errors (one <c>file(line,col): error CSxxxx: message</c> per line),
/// an unknown <c>--set</c> name, a bad parameter value. The CLI prints <see cref="Exception.Message"/> and exits non-zero.
/// </summary>
public sealed class ScriptException(string message) : Exception(message);
