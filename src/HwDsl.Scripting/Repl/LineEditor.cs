using System.Text;

namespace HwDsl.Scripting.Repl;

/// <summary>
/// A small line editor for the REPL on a terminal: insert, Backspace/Delete, ←/→, Home/End (Ctrl-A/E), ↑/↓ through
/// history, Tab completion (the common prefix; candidates listed when there is nothing more to insert), Ctrl-U clears,
/// Ctrl-D on an empty line ends input. One line at a time; the REPL joins lines while a submission is incomplete.
/// </summary>
internal sealed class LineEditor(TextWriter output, Func<string, int, IReadOnlyList<string>> complete)
{
    private const int ListedCandidates = 40;
    private readonly List<string> _history = [];

    public void AddHistory(string line)
    {
        if (line.Length > 0 && (_history.Count == 0 || _history[^1] != line)) _history.Add(line);
    }

    /// <summary>One edited line, or null at end of input (Ctrl-D on an empty line).</summary>
    public string? ReadLine(string prompt)
    {
        var text = new StringBuilder();
        var caret = 0;
        var browsing = _history.Count;
        output.Write(prompt);
        output.Flush();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            var ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    output.WriteLine();
                    return text.ToString();
                case ConsoleKey.D when ctrl:
                    if (text.Length == 0) { output.WriteLine(); return null; }
                    break;
                case ConsoleKey.Backspace when caret > 0:
                    text.Remove(--caret, 1);
                    break;
                case ConsoleKey.Delete when caret < text.Length:
                    text.Remove(caret, 1);
                    break;
                case ConsoleKey.LeftArrow when caret > 0:
                    caret--;
                    break;
                case ConsoleKey.RightArrow when caret < text.Length:
                    caret++;
                    break;
                case ConsoleKey.Home:
                case ConsoleKey.A when ctrl:
                    caret = 0;
                    break;
                case ConsoleKey.End:
                case ConsoleKey.E when ctrl:
                    caret = text.Length;
                    break;
                case ConsoleKey.U when ctrl:
                    text.Clear();
                    caret = 0;
                    break;
                case ConsoleKey.UpArrow when browsing > 0:
                case ConsoleKey.DownArrow when browsing < _history.Count:
                    browsing += key.Key == ConsoleKey.UpArrow ? -1 : 1;
                    text.Clear().Append(browsing < _history.Count ? _history[browsing] : "");
                    caret = text.Length;
                    break;
                case ConsoleKey.Tab:
                    caret = Complete(text, caret, prompt);
                    break;
                default:
                    if (key.KeyChar >= ' ' && !ctrl) text.Insert(caret++, key.KeyChar);
                    break;
            }
            Redraw(prompt, text, caret);
        }
    }

    private int Complete(StringBuilder text, int caret, string prompt)
    {
        var line = text.ToString();
        var start = caret;
        while (start > 0 && (char.IsLetterOrDigit(line[start - 1]) || line[start - 1] == '_')) start--;
        var word = line[start..caret];
        var candidates = complete(line, caret);
        if (candidates.Count == 0) return caret;
        var common = candidates.Aggregate((a, b) => new string(a.Zip(b).TakeWhile(p => p.First == p.Second).Select(p => p.First).ToArray()));
        if (common.Length > word.Length || candidates.Count == 1)
        {
            var insert = candidates.Count == 1 ? candidates[0] : common;
            text.Remove(start, word.Length).Insert(start, insert);
            return start + insert.Length;
        }
        output.WriteLine();
        output.WriteLine(string.Join("  ", candidates.Take(ListedCandidates)) + (candidates.Count > ListedCandidates ? $"  … ({candidates.Count})" : ""));
        return caret;
    }

    private void Redraw(string prompt, StringBuilder text, int caret)
    {
        // Carriage return, prompt and text, clear the rest of the line, then step back to the caret.
        var back = text.Length - caret;
        output.Write($"\r{prompt}{text}\u001b[K{(back > 0 ? $"\u001b[{back}D" : "")}");
        output.Flush();
    }
}
