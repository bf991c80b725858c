using System.Globalization;
using System.Text;

namespace HwDsl.Compiler;

/// <summary>
/// Die maps as CSV, one die per file: an optional <c>#</c> comment, a header naming the columns
/// <c>layer,row,column,state</c> (required, any order) and <c>element</c> (<c>p</c>/<c>n</c>, default <c>p</c>) and
/// <c>value</c> (optional), then one line per device that is not a nominal working device. States: <c>ok</c> (value =
/// variation factor ≥ 0, default 1), <c>open</c>, <c>short</c>, <c>stuck</c> (value = level fraction in [0, 1]).
/// Devices not listed work nominally. <see cref="Save"/> writes what <see cref="Load"/> reads.
/// Errors name the file and line, compiler style (HW0520–HW0528), and all are reported at once.
/// </summary>
public static class DieMapFile
{
    private const int MaxReported = 20;
    private static readonly string[] Required = ["layer", "row", "column", "state"];

    /// <summary>Writes <paramref name="die"/> to <paramref name="path"/>.</summary>
    public static void Save(DieMap die, string path)
    {
        var sb = new StringBuilder();
        sb.Append("# hwdsl die map: ").Append(die.Name).Append('\n');
        sb.Append("layer,row,column,element,state,value\n");
        foreach (var a in die.Arrays)
            for (var r = 0; r < a.Rows; r++)
                for (var c = 0; c < a.Cols; c++)
                    for (var e = 0; e < a.Elements; e++)
                    {
                        var i = a.IndexOf(r, c, e);
                        var (state, value) = (a.States[i], a.Values[i]);
                        if (state == DeviceState.Ok && value == 1f) continue;
                        sb.Append(CultureInfo.InvariantCulture, $"{a.Layer},{r},{c},{(e == 0 ? 'p' : 'n')},{Name(state)},");
                        if (state is DeviceState.Ok or DeviceState.Stuck) sb.Append(value.ToString("R", CultureInfo.InvariantCulture));
                        sb.Append('\n');
                    }
        File.WriteAllText(path, sb.ToString());
    }

    /// <summary>
    /// Writes every die of <paramref name="population"/> for <paramref name="network"/> (compiled from <paramref name="spec"/>) as
    /// <c>die000.csv</c>, <c>die001.csv</c>, … in <paramref name="folder"/>; <c>Dies.Load("folder/*.csv")</c> reads them back.
    /// </summary>
    public static IReadOnlyList<string> Export(ExperimentSpec spec, CompiledNetwork network, DiePopulation population, string folder)
    {
        Directory.CreateDirectory(folder);
        var shapes = DieSource.Shapes(network);
        var paths = new List<string>();
        for (var i = 0; i < population.Count; i++)
        {
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"die{i:D3}.csv"));
            Save(DieSource.Die(population, spec.Layers, shapes, i), path);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>Reads a die map for arrays of <paramref name="shapes"/>; throws <see cref="SpecException"/> listing every problem.</summary>
    public static DieMap Load(string path, IReadOnlyList<ArrayShape> shapes)
    {
        var errors = new List<SpecError>();
        void Error(string code, string parameter, string value, string message, int line)
        {
            if (errors.Count < MaxReported) errors.Add(new SpecError(code, parameter, value, message, Provenance.Explicit(path, line)));
        }

        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SpecException([new SpecError(RuleCodes.DieMapFile, "Dies.Load", path, $"Die map file \"{path}\" cannot be read: {e.Message}", Provenance.Explicit(path, 0))]);
        }

        var arrays = shapes.Select(s => new ArrayDefects(s.Layer, s.Rows, s.Cols, s.Elements)).ToList();
        var seen = new Dictionary<(int, int, int, int), int>();
        Dictionary<string, int>? columns = null;
        for (var n = 0; n < lines.Length; n++)
        {
            var text = lines[n].Trim();
            if (text.Length == 0 || text[0] == '#') continue;
            var fields = text.Split(',').Select(f => f.Trim()).ToArray();
            int line = n + 1;
            if (columns is null)
            {
                columns = fields.Select((f, i) => (f.ToLowerInvariant(), i)).GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().i);
                var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
                var unknown = columns.Keys.Where(c => !Required.Contains(c) && c is not ("element" or "value")).ToList();
                if (missing.Count > 0 || unknown.Count > 0)
                    throw new SpecException([new SpecError(RuleCodes.DieMapHeader, "header", text,
                        $"Die map header \"{text}\" {(missing.Count > 0 ? "lacks " + string.Join(", ", missing) : "has unknown column " + string.Join(", ", unknown))}; expected layer,row,column,state with optional element,value.",
                        Provenance.Explicit(path, line))]);
                continue;
            }
            if (fields.Length != columns.Count)
            {
                Error(RuleCodes.DieMapSyntax, "line", text, $"line has {fields.Length} field(s); the header names {columns.Count}.", line);
                continue;
            }
            string Field(string name) => columns.TryGetValue(name, out var i) ? fields[i] : "";
            if (!Int(Field("layer"), out var layer) || !Int(Field("row"), out var row) || !Int(Field("column"), out var col))
            {
                Error(RuleCodes.DieMapSyntax, "layer,row,column", text, $"layer, row and column must be non-negative integers; got \"{Field("layer")}\", \"{Field("row")}\", \"{Field("column")}\".", line);
                continue;
            }
            var array = arrays.FirstOrDefault(a => a.Layer == layer);
            if (array is null)
            {
                Error(RuleCodes.DieMapLayer, "layer", layer.ToString(CultureInfo.InvariantCulture),
                    $"layer {layer} has no device array; the network's binary layers are {string.Join(", ", shapes.Select(s => s.Layer))}.", line);
                continue;
            }
            if (row >= array.Rows || col >= array.Cols)
            {
                Error(RuleCodes.DieMapIndex, "row,column", $"{row},{col}",
                    $"device ({row}, {col}) is outside layer {layer}'s array of {array.Rows} rows × {array.Cols} columns (rows 0..{array.Rows - 1}, columns 0..{array.Cols - 1}).", line);
                continue;
            }
            var elementText = Field("element").ToLowerInvariant();
            int element = elementText switch { "" or "p" or "+" => 0, "n" or "-" => 1, _ => -1 };
            if (element < 0 || element >= array.Elements)
            {
                Error(RuleCodes.DieMapElement, "element", elementText,
                    $"element \"{elementText}\" is not allowed: layer {layer} has {(array.Elements == 1 ? "one device per weight (p)" : "a pair per weight (p, n)")}.", line);
                continue;
            }
            var stateText = Field("state").ToLowerInvariant();
            DeviceState? state = stateText switch { "ok" => DeviceState.Ok, "open" => DeviceState.Open, "short" or "shorted" => DeviceState.Short, "stuck" => DeviceState.Stuck, _ => null };
            if (state is null)
            {
                Error(RuleCodes.DieMapState, "state", stateText, $"unknown state \"{Field("state")}\"; allowed: ok, open, short, stuck.", line);
                continue;
            }
            var valueText = Field("value");
            float value = state switch { DeviceState.Open => 0, DeviceState.Short => 1, _ => 1 };
            if (valueText.Length > 0 && state is DeviceState.Ok or DeviceState.Stuck)
            {
                if (!float.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !float.IsFinite(value)
                    || value < 0 || (state == DeviceState.Stuck && value > 1))
                {
                    Error(RuleCodes.DieMapValue, "value", valueText,
                        state == DeviceState.Ok ? $"value \"{valueText}\" of a working device is its variation factor: a number >= 0."
                                                : $"value \"{valueText}\" of a stuck device is its level as a fraction of the range: a number in [0, 1].", line);
                    continue;
                }
            }
            else if (state == DeviceState.Stuck)
            {
                Error(RuleCodes.DieMapValue, "value", "", "a stuck device needs its level in the value column (a fraction in [0, 1]).", line);
                continue;
            }
            if (seen.TryGetValue((layer, row, col, element), out var first))
            {
                Error(RuleCodes.DieMapDuplicate, "device", $"{layer},{row},{col}", $"device (layer {layer}, row {row}, column {col}, element {(element == 0 ? "p" : "n")}) is already listed on line {first}.", line);
                continue;
            }
            seen[(layer, row, col, element)] = line;
            var index = array.IndexOf(row, col, element);
            array.States[index] = state.Value;
            array.Values[index] = value;
        }
        if (columns is null)
            errors.Insert(0, new SpecError(RuleCodes.DieMapHeader, "header", "", "Die map file is empty; expected a header layer,row,column,state.", Provenance.Explicit(path, 1)));
        if (errors.Count > 0) throw new SpecException(errors);
        return new DieMap(path, arrays);
    }

    private static bool Int(string s, out int value) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string Name(DeviceState s) => s switch
    {
        DeviceState.Open => "open",
        DeviceState.Short => "short",
        DeviceState.Stuck => "stuck",
        _ => "ok",
    };
}
