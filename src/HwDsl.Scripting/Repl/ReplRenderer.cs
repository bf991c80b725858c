using System.Text;

namespace HwDsl.Scripting.Repl;

/// <summary>
/// Draws the submission being edited — every line with its prompt, wrapped at the terminal's width, coloured — and
/// the rows under it (completion list or parameter help), then puts the cursor at the caret. Each frame goes back to
/// the top of what the previous one drew and replaces it, so long lines and multi-line submissions redraw in place.
/// The wrapping is done here (a row is never written past the last column), so the cursor's row and column are known
/// without asking the terminal.
/// </summary>
internal sealed class ReplRenderer(TextWriter output, Func<int>? width = null)
{
    private readonly Func<int> _width = width ?? (() => Width);
    private int _cursorRow;

    /// <summary>The terminal's width in columns (80 when it cannot be asked).</summary>
    public static int Width
    {
        get
        {
            try { return Console.WindowWidth is > 10 and var w ? w : 80; }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException) { return 80; }
        }
    }

    public void Render(string prompt, string continuation, EditBuffer buffer, IReadOnlyList<string> below)
    {
        var width = _width();
        var frame = new StringBuilder();
        if (_cursorRow > 0) frame.Append("\u001b[").Append(_cursorRow).Append('A');
        frame.Append("\r\u001b[J");

        var text = buffer.Text;
        var colors = SyntaxColors.Of(text);
        string? current = null;
        int row = 0, column = 0, caretRow = 0, caretColumn = 0;
        void NewRow()
        {
            if (current is not null) { frame.Append(TerminalText.Reset); current = null; }
            frame.Append("\r\n");
            row++;
            column = 0;
        }
        void Plain(string s)
        {
            foreach (var c in s)
            {
                if (column == width) NewRow();
                frame.Append(c);
                column++;
            }
        }

        Plain(prompt);
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == buffer.Caret)
            {
                if (column == width) NewRow();   // the caret after a full row sits at the start of the next
                (caretRow, caretColumn) = (row, column);
            }
            if (i == text.Length) break;
            if (text[i] == '\n')
            {
                NewRow();
                Plain(continuation);
                continue;
            }
            if (column == width) NewRow();
            if (colors[i] != current)
            {
                frame.Append(colors[i] is { } c ? $"\u001b[0;{c}m" : TerminalText.Reset);
                current = colors[i];
            }
            frame.Append(text[i]);
            column++;
        }
        if (current is not null) frame.Append(TerminalText.Reset);
        foreach (var line in below)
        {
            frame.Append("\r\n").Append(line);
            row++;
        }

        if (row > caretRow) frame.Append("\u001b[").Append(row - caretRow).Append('A');
        frame.Append('\r');
        if (caretColumn > 0) frame.Append("\u001b[").Append(caretColumn).Append('C');
        _cursorRow = caretRow;
        output.Write(frame.ToString());
        output.Flush();
    }

    /// <summary>Draws the final text without the rows under it, leaves the cursor on a new line below it (<paramref name="mark"/> after it, e.g. ^C).</summary>
    public void Finish(string prompt, string continuation, EditBuffer buffer, string mark = "")
    {
        buffer.Set(buffer.Text);   // caret to the end, so the cursor ends on the last row
        Render(prompt, continuation, buffer, []);
        output.Write(mark + "\r\n");
        output.Flush();
        _cursorRow = 0;
    }

    /// <summary>Clears the screen; the next frame starts at its top.</summary>
    public void Clear()
    {
        output.Write("\u001b[H\u001b[2J");
        _cursorRow = 0;
    }
}
