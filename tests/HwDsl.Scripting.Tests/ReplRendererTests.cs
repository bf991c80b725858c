using HwDsl.Scripting.Repl;

namespace HwDsl.Scripting.Tests;

/// <summary>The REPL's frames, byte for byte, where wrapping is easy to get wrong: a row filled to the last column.</summary>
public sealed class ReplRendererTests
{
    private const string Clear = "\r\u001b[J";

    private static (ReplRenderer Renderer, StringWriter Out, EditBuffer Buffer) Create(string text)
    {
        var output = new StringWriter();
        var buffer = new EditBuffer();
        buffer.Set(text);
        return (new ReplRenderer(output, () => 20), output, buffer);
    }

    private static string Frame(StringWriter output)
    {
        var frame = output.ToString();
        output.GetStringBuilder().Clear();
        return System.Text.RegularExpressions.Regex.Replace(frame, @"\x1b\[0(;\d+)?m", "");   // colours aside
    }

    [Fact]
    public void A_row_filled_to_the_last_column_puts_the_caret_on_a_row_of_its_own_and_the_next_frame_goes_back_up_to_the_top()
    {
        var (renderer, output, buffer) = Create("1234567890123");   // 7 + 13 = 20 columns exactly
        renderer.Render("hwdsl> ", "  ...> ", buffer, []);
        Assert.Equal(Clear + "hwdsl> 1234567890123\r\n\r", Frame(output));
        buffer.Backspace();
        renderer.Render("hwdsl> ", "  ...> ", buffer, []);
        Assert.Equal("\u001b[1A" + Clear + "hwdsl> 123456789012\r\u001b[19C", Frame(output));
    }

    [Fact]
    public void Long_lines_wrap_at_the_width_and_the_cursor_returns_from_the_rows_below_to_the_caret()
    {
        var (renderer, output, buffer) = Create("var x = 1 + 2 + 3 + 4;\n  x");
        buffer.Set(buffer.Text, 4);   // after "var "
        renderer.Render("hwdsl> ", "  ...> ", buffer, ["below"]);
        // Row 0: prompt + 13 characters; row 1: the rest of line 1; row 2: the second line; row 3: the list; caret row 0, column 11.
        Assert.Equal(Clear + "hwdsl> var x = 1 + 2\r\n + 3 + 4;\r\n  ...>   x\r\nbelow\u001b[3A\r\u001b[11C", Frame(output));
        renderer.Finish("hwdsl> ", "  ...> ", buffer);
        Assert.StartsWith(Clear, Frame(output));   // the cursor was on the top row: nothing to go up
    }
}
