using System.Globalization;
using System.Text;

namespace HwDsl.Reports;

/// <summary>A CSV file as a header and rows of cells (RFC 4180 quoting), with typed access by column name.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _index;

    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        Header = header;
        Rows = rows;
        _index = header.Select((h, i) => (h, i)).GroupBy(p => p.h).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
    }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Rows, each as many cells as the header (missing cells are empty).</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>True when the table has <paramref name="column"/>.</summary>
    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The cell of <paramref name="row"/> in <paramref name="column"/> (empty when the column is missing).</summary>
    public string Cell(string[] row, string column) => _index.TryGetValue(column, out var i) && i < row.Length ? row[i] : "";

    /// <summary>The cell as a number, NaN when empty or not a number.</summary>
    public double Number(string[] row, string column) =>
        double.TryParse(Cell(row, column), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    /// <summary>The column as numbers (NaN where empty).</summary>
    public double[] Numbers(string column) => [.. Rows.Select(r => Number(r, column))];

    /// <summary>Reads <paramref name="path"/>; null when it does not exist.</summary>
    public static CsvTable? Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : null;

    /// <summary>Parses CSV text (the first record is the header).</summary>
    public static CsvTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); break;
                case '\r': break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    records.Add([.. cells]);
                    cells.Clear();
                    break;
                default: cell.Append(c); break;
            }
        }
        if (cell.Length > 0 || cells.Count > 0) { cells.Add(cell.ToString()); records.Add([.. cells]); }
        if (records.Count == 0) return new CsvTable([], []);
        var header = records[0];
        var rows = records.Skip(1).Where(r => r.Length > 1 || r[0].Length > 0)
            .Select(r => r.Length >= header.Length ? r : [.. r, .. Enumerable.Repeat("", header.Length - r.Length)]).ToList();
        return new CsvTable(header, rows);
    }
}
