using System.Text;

namespace HwDsl.Scripting;

/// <summary>
/// A writer for <c>--quick</c> runs that puts the smoke-test note above every Markdown table written through it (a line
/// starting with <c>|</c> after one that does not), unless the note is already there. Text passes on at once.
/// </summary>
internal sealed class SmokeTestWriter(TextWriter inner, string note) : TextWriter
{
    private readonly StringBuilder _line = new();
    private string _previous = "", _lastText = "";

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            var line = _line.ToString().TrimEnd('\r');
            _line.Clear();
            _previous = line;
            if (line.Trim().Length > 0) _lastText = line;
            inner.Write(value);
            return;
        }
        // The first character of a line decides: a table that starts here gets the note above it.
        if (_line.Length == 0 && value == '|' && !_previous.StartsWith('|') && _lastText != note) inner.Write(note + "\n\n");
        _line.Append(value);
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "") Write(c);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void WriteLine() => Write('\n');

    public override void Flush() => inner.Flush();
}
