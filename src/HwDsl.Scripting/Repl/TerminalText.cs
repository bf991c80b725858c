using System.Text;

namespace HwDsl.Scripting.Repl;

/// <summary>Lines for the area under the edited text: plain text cut to the terminal's width, with ANSI styles on ranges.</summary>
internal static class TerminalText
{
    public const string Reset = "\u001b[0m";
    public const string Inverse = "7";
    public const string Dim = "2";
    public const string Strong = "1;4";

    /// <summary><paramref name="plain"/> cut to <paramref name="width"/> columns (… when cut), styled on [start, end) with <paramref name="style"/>, the rest with <paramref name="baseStyle"/>.</summary>
    public static string Line(string plain, int width, string? baseStyle = null, int start = 0, int end = 0, string? style = null)
    {
        plain = plain.Replace('\n', ' ').Replace('\t', ' ');
        if (plain.Length > width) plain = plain[..Math.Max(0, width - 1)] + "…";
        var colored = Environment.GetEnvironmentVariable("NO_COLOR") is not { Length: > 0 };
        if (!colored) return plain;
        var text = new StringBuilder();
        void Open(string? s) { if (s is not null) text.Append("\u001b[").Append(s).Append('m'); }
        start = Math.Clamp(start, 0, plain.Length);
        end = Math.Clamp(end, start, plain.Length);
        Open(baseStyle);
        text.Append(plain, 0, start);
        if (style is not null && end > start)
        {
            Open(style);
            text.Append(plain, start, end - start).Append(Reset);
            Open(baseStyle);
        }
        else
        {
            text.Append(plain, start, end - start);
        }
        text.Append(plain, end, plain.Length - end);
        if (baseStyle is not null) text.Append(Reset);
        return text.ToString();
    }
}
