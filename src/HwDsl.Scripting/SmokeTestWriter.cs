using System.Text;

namespace HwDsl.Scripting;

/// <summary>
/// A writer for <c>--quick</c> runs that puts the smoke-test note above every Markdown table written through it (a line
/// starting with <c>|</c> after one that does not), unless the note is already there. Text passes on line by line.
/// </summary>
internal sealed class SmokeTestWriter(TextWriter inner, string note) : TextWriter
{
    private readonly StringBuilder _line = new();
    private string _previous = "", _lastText = "";

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n') EndLine();
        else _line.Append(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "") Write(c);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        EndLine();
    }

    public override void WriteLine() => EndLine();

    public override void Flush()
    {
        if (_line.Length > 0) { inner.Write(_line.ToString()); _previous = _line.ToString(); _line.Clear(); }
        inner.Flush();
    }

    private void EndLine()
    {
        var line = _line.ToString().TrimEnd('\r');
        _line.Clear();
        if (line.StartsWith('|') && !_previous.StartsWith('|') && _lastText != note) inner.WriteLine(note + "\n");
        inner.WriteLine(line);
        _previous = line;
        if (line.Trim().Length > 0) _lastText = line;
    }
}
