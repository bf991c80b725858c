using System.Text;

namespace HwDsl.Scripting.Repl;

/// <summary>The submission being edited: its text (lines separated by <c>\n</c>) and the caret, with the editing moves.</summary>
internal sealed class EditBuffer
{
    private readonly StringBuilder _text = new();

    public int Caret { get; private set; }

    public string Text => _text.ToString();

    public int Length => _text.Length;

    public bool IsEmpty => _text.Length == 0;

    /// <summary>The line the caret is on (0-based) and its column.</summary>
    public (int Line, int Column) Position
    {
        get
        {
            var text = Text;
            var line = 0;
            var start = 0;
            for (var i = 0; i < Caret; i++)
                if (text[i] == '\n') { line++; start = i + 1; }
            return (line, Caret - start);
        }
    }

    public int LineCount => Text.Count(c => c == '\n') + 1;

    public void Set(string text, int? caret = null)
    {
        _text.Clear().Append(text);
        Caret = Math.Clamp(caret ?? text.Length, 0, text.Length);
    }

    public void Insert(string s)
    {
        _text.Insert(Caret, s);
        Caret += s.Length;
    }

    /// <summary>Replaces [<paramref name="start"/>, caret) with <paramref name="s"/> (a completion).</summary>
    public void ReplaceBeforeCaret(int start, string s)
    {
        start = Math.Clamp(start, 0, Caret);
        _text.Remove(start, Caret - start).Insert(start, s);
        Caret = start + s.Length;
    }

    public void Backspace()
    {
        if (Caret == 0) return;
        _text.Remove(--Caret, 1);
    }

    public void Delete()
    {
        if (Caret < _text.Length) _text.Remove(Caret, 1);
    }

    public void Left() => Caret = Math.Max(0, Caret - 1);

    public void Right() => Caret = Math.Min(_text.Length, Caret + 1);

    public void Home() => Caret = LineStart(Caret);

    public void End() => Caret = LineEnd(Caret);

    /// <summary>Moves to the line above (false on the first line: the caller browses history instead).</summary>
    public bool Up() => MoveLine(-1);

    /// <summary>Moves to the line below (false on the last line).</summary>
    public bool Down() => MoveLine(+1);

    public void WordLeft()
    {
        while (Caret > 0 && !IsWord(_text[Caret - 1])) Caret--;
        while (Caret > 0 && IsWord(_text[Caret - 1])) Caret--;
    }

    public void WordRight()
    {
        while (Caret < _text.Length && !IsWord(_text[Caret])) Caret++;
        while (Caret < _text.Length && IsWord(_text[Caret])) Caret++;
    }

    /// <summary>Ctrl-W: deletes the word before the caret.</summary>
    public void DeleteWordBefore()
    {
        var end = Caret;
        WordLeft();
        _text.Remove(Caret, end - Caret);
    }

    /// <summary>Ctrl-K: deletes to the end of the line.</summary>
    public void DeleteToLineEnd()
    {
        var end = LineEnd(Caret);
        _text.Remove(Caret, (end == Caret && end < _text.Length ? end + 1 : end) - Caret);
    }

    /// <summary>Ctrl-U: deletes to the start of the line.</summary>
    public void DeleteToLineStart()
    {
        var start = LineStart(Caret);
        _text.Remove(start, Caret - start);
        Caret = start;
    }

    /// <summary>The indentation of the caret's line (kept on the next line of a multi-line submission).</summary>
    public string Indentation()
    {
        var start = LineStart(Caret);
        var end = start;
        while (end < _text.Length && _text[end] is ' ' or '\t') end++;
        return _text.ToString(start, end - start);
    }

    public static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';

    private bool MoveLine(int direction)
    {
        var (line, column) = Position;
        if (line + direction < 0 || line + direction >= LineCount) return false;
        var lines = Text.Split('\n');
        var start = 0;
        for (var i = 0; i < line + direction; i++) start += lines[i].Length + 1;
        Caret = start + Math.Min(column, lines[line + direction].Length);
        return true;
    }

    private int LineStart(int at)
    {
        while (at > 0 && _text[at - 1] != '\n') at--;
        return at;
    }

    private int LineEnd(int at)
    {
        while (at < _text.Length && _text[at] != '\n') at++;
        return at;
    }
}
