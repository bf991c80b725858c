namespace HwDsl.Cli.Tests;

/// <summary><c>hwdsl irdrop</c>: the first-order IR-drop model against the exact solve, as a table; bad values named.</summary>
public sealed class IrDropCommandTests
{
    [Fact]
    public void Prints_one_row_per_size_and_wire_with_the_first_order_closer_than_the_ideal_model()
    {
        var (exit, output, err) = Hwdsl.Run("irdrop", "--sizes", "4,12", "--wires", "1e-4,1e-3");
        Assert.True(exit == 0, err);
        var rows = output.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| \d+×\d+ \|")).ToList();
        Assert.Equal(4, rows.Count);
        foreach (var row in rows)
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            double Percent(string cell) => double.Parse(cell.TrimEnd('%', ' '), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Percent(cells[4]) < Percent(cells[3]), row);   // first order beats ignoring the drop at these loads
        }
        Assert.Contains("exact nodal solve", output);
    }

    [Fact]
    public void Rejects_a_wire_resistance_out_of_range_naming_it()
    {
        var (exit, _, err) = Hwdsl.Run("irdrop", "--wires", "0.5");
        Assert.Equal(2, exit);
        Assert.Contains("--wires: '0.5' is not a wire resistance in (0, 0.01]", err);
    }
}
