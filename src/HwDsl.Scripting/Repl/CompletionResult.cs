namespace HwDsl.Scripting.Repl;

/// <summary>What completion offers at a position: the span of the word being typed and the candidates, best first.</summary>
/// <param name="Start">Where the word being completed starts in the edited text (it ends at the caret).</param>
/// <param name="Items">The candidates matching the word typed so far, DSL members first and <see cref="object"/>'s last.</param>
public sealed record CompletionResult(int Start, IReadOnlyList<CompletionEntry> Items)
{
    /// <summary>Nothing to offer.</summary>
    public static CompletionResult Empty(int caret) => new(caret, []);

    /// <summary>The candidates' names.</summary>
    public IEnumerable<string> Names => Items.Select(i => i.Name);
}
