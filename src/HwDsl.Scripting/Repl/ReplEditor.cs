using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HwDsl.Scripting.Repl;

/// <summary>
/// The REPL's editor on a terminal, one whole submission at a time: Enter runs it when it is complete and otherwise
/// opens the next line (Alt-Enter always does); ←/→/Home/End (Ctrl-A/E), Ctrl-←/→ by word, ↑/↓ between lines and, from
/// the first or last line, through the history of whole submissions; Backspace/Delete, Ctrl-W/K/U delete a word, to the
/// line's end, to its start; Tab (or Ctrl-Space) completes, with a list showing kind, signature and docs (↑/↓ choose,
/// Tab/Enter or a character such as '(' or '.' take it, Esc closes); inside a call the parameter help shows under the
/// line; Ctrl-L redraws; Ctrl-C clears the submission; Ctrl-D on an empty one ends the session.
/// </summary>
internal sealed class ReplEditor(TextWriter output, ReplCompletion completion, ReplHistory history)
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);
    private const string Commit = "().;,[]<> ";
    private readonly ReplRenderer _renderer = new(output);
    private EditBuffer _buffer = new();
    private CompletionMenu? _menu;
    private (string Key, SignatureHint? Hint) _hint = ("", null);
    private int _browsing;
    private string? _draft;

    private enum Outcome { Continue, Submit, Clear, End }

    /// <summary>A complete submission, or null at the end of input (Ctrl-D on an empty submission).</summary>
    public string? ReadSubmission(string prompt, string continuation)
    {
        _buffer = new EditBuffer();
        _menu = null;
        _browsing = history.Entries.Count;
        _draft = null;
        var treated = TreatControlC(true);
        try
        {
            _renderer.Render(prompt, continuation, _buffer, []);
            while (true)
            {
                var outcome = Handle(Console.ReadKey(intercept: true));
                while (outcome == Outcome.Continue && Console.KeyAvailable) outcome = Handle(Console.ReadKey(intercept: true));
                switch (outcome)
                {
                    case Outcome.Submit:
                        _renderer.Finish(prompt, continuation, _buffer);
                        return _buffer.Text;
                    case Outcome.End:
                        _renderer.Finish(prompt, continuation, _buffer);
                        return null;
                    case Outcome.Clear:
                        _renderer.Finish(prompt, continuation, _buffer, "^C");
                        _buffer = new EditBuffer();
                        _menu = null;
                        _browsing = history.Entries.Count;
                        break;
                }
                _renderer.Render(prompt, continuation, _buffer, Below());
            }
        }
        finally
        {
            TreatControlC(treated);
        }
    }

    private Outcome Handle(ConsoleKeyInfo key)
    {
        var ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
        var alt = (key.Modifiers & ConsoleModifiers.Alt) != 0;
        if (_menu is not null && MenuKey(key, ctrl)) return Outcome.Continue;
        switch (key.Key)
        {
            case ConsoleKey.C when ctrl:
                return Outcome.Clear;
            case ConsoleKey.D when ctrl:
                if (_buffer.IsEmpty) return Outcome.End;
                _buffer.Delete();
                break;
            case ConsoleKey.Enter when alt:
                NewLine();
                break;
            case ConsoleKey.Enter:
                if (ReplEngine.IsComplete(_buffer.Text)) return Outcome.Submit;
                NewLine();
                break;
            case ConsoleKey.Tab:
                Complete(explicitList: false);
                break;
            case ConsoleKey.Spacebar when ctrl:
                Complete(explicitList: true);
                break;
            case ConsoleKey.Backspace:
                _buffer.Backspace();
                break;
            case ConsoleKey.Delete:
                _buffer.Delete();
                break;
            case ConsoleKey.LeftArrow when ctrl:
            case ConsoleKey.B when alt:
                _buffer.WordLeft();
                break;
            case ConsoleKey.RightArrow when ctrl:
            case ConsoleKey.F when alt:
                _buffer.WordRight();
                break;
            case ConsoleKey.LeftArrow:
                _buffer.Left();
                break;
            case ConsoleKey.RightArrow:
                _buffer.Right();
                break;
            case ConsoleKey.Home:
            case ConsoleKey.A when ctrl:
                _buffer.Home();
                break;
            case ConsoleKey.End:
            case ConsoleKey.E when ctrl:
                _buffer.End();
                break;
            case ConsoleKey.UpArrow:
                if (!_buffer.Up()) Browse(-1);
                break;
            case ConsoleKey.DownArrow:
                if (!_buffer.Down()) Browse(+1);
                break;
            case ConsoleKey.W when ctrl:
                _buffer.DeleteWordBefore();
                break;
            case ConsoleKey.K when ctrl:
                _buffer.DeleteToLineEnd();
                break;
            case ConsoleKey.U when ctrl:
                _buffer.DeleteToLineStart();
                break;
            case ConsoleKey.L when ctrl:
                _renderer.Clear();
                break;
            case ConsoleKey.Escape:
                _hint = ("", null);
                break;
            default:
                if (key.KeyChar == '\0' && ctrl) Complete(explicitList: true);   // Ctrl-Space arrives as NUL
                else if (key.KeyChar == '\t') Complete(explicitList: false);
                else if (key.KeyChar >= ' ' && !ctrl) _buffer.Insert(key.KeyChar.ToString());
                break;
        }
        return Outcome.Continue;
    }

    // Keys the open completion list takes; false lets the key through (after the list took the word, or closed).
    private bool MenuKey(ConsoleKeyInfo key, bool ctrl)
    {
        var menu = _menu!;
        switch (key.Key)
        {
            case ConsoleKey.UpArrow: menu.Move(-1); return true;
            case ConsoleKey.DownArrow: menu.Move(+1); return true;
            case ConsoleKey.PageUp: menu.Move(-CompletionMenu.Shown); return true;
            case ConsoleKey.PageDown: menu.Move(+CompletionMenu.Shown); return true;
            case ConsoleKey.Escape: _menu = null; return true;
            case ConsoleKey.Tab or ConsoleKey.Enter: Accept(); return true;
        }
        if (key.KeyChar == '\t') { Accept(); return true; }
        if (ctrl || key.KeyChar < ' ')
        {
            _menu = null;
            return key.Key == ConsoleKey.Spacebar;
        }
        if (EditBuffer.IsWord(key.KeyChar))
        {
            _buffer.Insert(key.KeyChar.ToString());
            menu.Filter(Typed(menu.Start));
            if (menu.IsEmpty) _menu = null;
            return true;
        }
        if (Commit.Contains(key.KeyChar)) Accept();
        _menu = null;
        return false;
    }

    private void Accept()
    {
        if (_menu?.Current is { } entry) _buffer.ReplaceBeforeCaret(_menu.Start, entry.Name);
        _menu = null;
    }

    private void Complete(bool explicitList)
    {
        var text = _buffer.Text;
        // Tab in the indentation of a line indents; elsewhere it completes.
        if (!explicitList && (_buffer.Caret == 0 || text[_buffer.Caret - 1] is ' ' or '\t' or '\n') && text[.._buffer.Caret].Split('\n')[^1].Trim().Length == 0)
        {
            _buffer.Insert("    ");
            return;
        }
        CompletionResult result;
        try { result = completion.Complete(text, _buffer.Caret); }
        catch (Exception e) when (e is not OutOfMemoryException) { return; }   // completion must never break the submission being typed
        if (result.Items.Count == 0) return;
        var typed = Typed(result.Start);
        if (result.Items.Count == 1 && !explicitList)
        {
            _buffer.ReplaceBeforeCaret(result.Start, result.Items[0].Name);
            return;
        }
        var common = result.Items.Select(i => i.Name).Aggregate((a, b) => new string([.. a.Zip(b).TakeWhile(p => p.First == p.Second).Select(p => p.First)]));
        if (common.Length > typed.Length && common.StartsWith(typed, StringComparison.Ordinal))
        {
            _buffer.ReplaceBeforeCaret(result.Start, common);
            typed = common;
        }
        _menu = new CompletionMenu(result, typed);
        if (_menu.IsEmpty) _menu = null;
    }

    private string Typed(int start) => _buffer.Text[Math.Min(start, _buffer.Caret).._buffer.Caret];

    private void NewLine() => _buffer.Insert("\n" + _buffer.Indentation());

    private void Browse(int direction)
    {
        var entries = history.Entries;
        var next = Math.Clamp(_browsing + direction, 0, entries.Count);
        if (next == _browsing) return;
        if (_browsing == entries.Count) _draft = _buffer.Text;
        _browsing = next;
        _buffer.Set(next < entries.Count ? entries[next] : _draft ?? "");
    }

    // The completion list, else the parameter help of the call the caret is in (recomputed only when the call or argument changes).
    private IReadOnlyList<string> Below()
    {
        var width = ReplRenderer.Width;
        if (_menu is not null) return _menu.Lines(width);
        var text = _buffer.Text;
        var root = SyntaxFactory.ParseSyntaxTree(text, Parse).GetRoot();
        if (ReplSignatures.ArgumentList(root, _buffer.Caret) is not { } list) return [];
        var index = list.Arguments.GetSeparators().Count(s => s.SpanStart < _buffer.Caret);
        var key = $"{text[..list.SpanStart]}\u0001{index}\u0001{(index < list.Arguments.Count ? list.Arguments[index].NameColon?.Name.ToString() : null)}";
        if (key != _hint.Key)
        {
            SignatureHint? hint;
            try { hint = completion.Signature(text, _buffer.Caret); }
            catch (Exception e) when (e is not OutOfMemoryException) { hint = null; }
            _hint = (key, hint);
        }
        return _hint.Hint is { } h ? HintLines(h, width) : [];
    }

    private static IReadOnlyList<string> HintLines(SignatureHint hint, int width)
    {
        var plain = " " + hint.Name + "(";
        int start = 0, end = 0;
        for (var i = 0; i < hint.Parameters.Count; i++)
        {
            if (i > 0) plain += ", ";
            if (i == hint.Current) start = plain.Length;
            plain += hint.Parameters[i];
            if (i == hint.Current) end = plain.Length;
        }
        plain += ")" + (hint.Overloads > 1 ? $"  (+{hint.Overloads - 1} overload{(hint.Overloads > 2 ? "s" : "")})" : "");
        var lines = new List<string> { TerminalText.Line(plain, width - 1, TerminalText.Dim, start, end, TerminalText.Strong) };
        var doc = hint.ParameterDoc ?? hint.Summary;
        if (doc is not null) lines.Add(TerminalText.Line(" " + doc, width - 1, TerminalText.Dim));
        return lines;
    }

    private static bool TreatControlC(bool value)
    {
        try
        {
            var before = Console.TreatControlCAsInput;
            Console.TreatControlCAsInput = value;
            return before;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
