namespace HwDsl.Scripting.Repl;

/// <summary>
/// The open completion list: the candidates Roslyn offered when it opened, narrowed as the word grows; a window of
/// <see cref="Shown"/> rows around the selection, each with kind and signature, and the selected one's summary below.
/// </summary>
internal sealed class CompletionMenu
{
    public const int Shown = 8;
    private readonly IReadOnlyList<CompletionEntry> _all;
    private List<CompletionEntry> _visible;
    private int _top;

    public CompletionMenu(CompletionResult result, string typed)
    {
        Start = result.Start;
        _all = result.Items;
        _visible = [.. _all];
        Filter(typed);
    }

    /// <summary>Where the word being completed starts.</summary>
    public int Start { get; }

    public int Selected { get; private set; }

    public bool IsEmpty => _visible.Count == 0;

    public CompletionEntry? Current => _visible.Count > 0 ? _visible[Selected] : null;

    /// <summary>Narrows the list to what matches <paramref name="typed"/>, keeping the selected entry when it still matches.</summary>
    public void Filter(string typed)
    {
        var keep = Current;
        _visible = [.. _all.Where(e => ReplCompletion.Matches(e.Name, typed))];
        var exact = _visible.FindIndex(e => e.Name == typed);
        Selected = exact >= 0 ? exact : keep is not null && _visible.IndexOf(keep) is >= 0 and var i ? i : 0;
        Scroll();
    }

    public void Move(int delta)
    {
        if (_visible.Count == 0) return;
        Selected = ((Selected + delta) % _visible.Count + _visible.Count) % _visible.Count;
        Scroll();
    }

    /// <summary>The rows to show under the edited text, each at most <paramref name="width"/> columns.</summary>
    public IReadOnlyList<string> Lines(int width)
    {
        var window = _visible.Skip(_top).Take(Shown).ToList();
        var nameWidth = Math.Min(28, window.Max(e => e.Name.Length));
        var kindWidth = window.Max(e => e.Kind.Length);
        var lines = new List<string>();
        for (var i = 0; i < window.Count; i++)
        {
            var e = window[i];
            var plain = $" {e.Name.PadRight(nameWidth)}  {e.Kind.PadRight(kindWidth)}  {e.Signature ?? ""}";
            lines.Add(TerminalText.Line(plain, width - 1, _top + i == Selected ? TerminalText.Inverse : null, 1 + nameWidth, plain.Length, TerminalText.Dim));
        }
        var position = $" [{Selected + 1}/{_visible.Count}]";
        lines.Add(TerminalText.Line(position + (Current?.Summary is { } summary ? "  " + summary : ""), width - 1, TerminalText.Dim));
        return lines;
    }

    private void Scroll()
    {
        if (Selected < _top) _top = Selected;
        if (Selected >= _top + Shown) _top = Selected - Shown + 1;
        _top = Math.Clamp(_top, 0, Math.Max(0, _visible.Count - Shown));
    }
}
