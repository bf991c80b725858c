using System.Globalization;
using System.Text.RegularExpressions;
using HwDsl.Data;

namespace HwDsl.Sweeps;

/// <summary>
/// What to sweep: a grid (the cross product of named value lists), explicit points, and seeds — a dimension that
/// crosses every point, grid or explicit, that does not set <c>seed</c> itself. Points come out grid first
/// (first-named parameter varies slowest), then explicit points, each crossed with the seeds; that order is the
/// manifest's, the Slurm array's and the merged table's.
/// </summary>
public sealed partial class SweepDeclaration
{
    /// <summary>The parameter the seeds dimension sets (the script reads <c>Param("seed", 0)</c>).</summary>
    public const string SeedName = "seed";

    private readonly List<(string Name, List<string> Values, string Source)> _grid = [];
    private readonly List<(List<ParameterValue> Values, string Source)> _points = [];
    private List<string>? _seeds;
    private string? _seedSource;

    /// <summary>Adds a grid dimension.</summary>
    public SweepDeclaration Grid(string name, IEnumerable<string> values, string source)
    {
        CheckName(name, source);
        if (name == SeedName) return Seeds(values, source);
        if (_grid.Any(g => g.Name == name)) throw new SweepException($"{source}: '{name}' is already a grid dimension; give all its values in one --grid {name}=a,b,c.");
        var list = values.ToList();
        if (list.Count == 0) throw new SweepException($"{source}: '{name}' has no values; give at least one, e.g. {name}=1,2.");
        _grid.Add((name, list, source));
        return this;
    }

    /// <summary>Adds one explicit point.</summary>
    public SweepDeclaration Point(IEnumerable<ParameterValue> values, string source)
    {
        var list = values.ToList();
        if (list.Count == 0) throw new SweepException($"{source}: the point sets no parameter; write name=value[,name=value...].");
        foreach (var v in list) CheckName(v.Name, source);
        if (list.GroupBy(v => v.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new SweepException($"{source}: '{twice.Key}' is set twice in one point.");
        _points.Add((list, source));
        return this;
    }

    /// <summary>Sets the seeds dimension.</summary>
    public SweepDeclaration Seeds(IEnumerable<string> seeds, string source)
    {
        if (_seeds is not null) throw new SweepException($"{source}: seeds were already given ({_seedSource}); give them once.");
        var list = seeds.ToList();
        if (list.Count == 0) throw new SweepException($"{source}: no seeds; give e.g. seeds=0..2.");
        foreach (var s in list)
            if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                throw new SweepException($"{source}: seed '{s}' is not a whole number.");
        (_seeds, _seedSource) = (list, source);
        return this;
    }

    /// <summary>Every name a point sets, in declaration order (seed last).</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var names = _grid.Select(g => g.Name).Concat(_points.SelectMany(p => p.Values.Select(v => v.Name))).Distinct().Where(n => n != SeedName).ToList();
            if (_seeds is not null || _points.Any(p => p.Values.Any(v => v.Name == SeedName))) names.Add(SeedName);
            return names;
        }
    }

    /// <summary>Where each name was declared (for error messages about it).</summary>
    public string SourceOf(string name)
        => name == SeedName && _seedSource is not null ? _seedSource
            : _grid.FirstOrDefault(g => g.Name == name).Source ?? _points.First(p => p.Values.Any(v => v.Name == name)).Source;

    /// <summary>The points, in the documented order; an empty sweep or a point listed twice is an error.</summary>
    public IReadOnlyList<SweepPoint> Points()
    {
        if (_grid.Count == 0 && _points.Count == 0 && _seeds is null)
            throw new SweepException("the sweep is empty: give --grid name=a,b,... and/or --point name=value,...; e.g. --grid bits=2,4 seeds=0..2.");
        var bases = new List<(List<ParameterValue> Values, string Source)>();
        if (_grid.Count > 0 || _points.Count == 0) bases.AddRange(Product().Select(p => (p, "--grid")));
        bases.AddRange(_points);
        var points = new List<SweepPoint>();
        var seen = new Dictionary<string, string>();
        foreach (var (values, source) in bases)
        {
            var crossed = _seeds is null || values.Any(v => v.Name == SeedName)
                ? [values]
                : _seeds.Select(s => (List<ParameterValue>)[.. values, new ParameterValue(SeedName, s)]);
            foreach (var v in crossed)
            {
                var id = PointId.For(v);
                var point = new SweepPoint(points.Count, id, v);
                if (!seen.TryAdd(id, source)) throw new SweepException($"{source}: the point {point.Describe()} is listed twice (also by {seen[id]}); list each point once.");
                points.Add(point);
            }
        }
        return points;
    }

    private IEnumerable<List<ParameterValue>> Product()
    {
        IEnumerable<List<ParameterValue>> acc = [[]];
        foreach (var (name, values, _) in _grid)
            acc = acc.SelectMany(prefix => values.Select(v => (List<ParameterValue>)[.. prefix, new ParameterValue(name, v)]));
        return acc;
    }

    /// <summary>Parses <c>bits=2,3,4</c> (values may be integer ranges <c>A..B</c>) into a grid dimension.</summary>
    public SweepDeclaration ParseGrid(string text)
    {
        var source = $"--grid {text}";
        var (name, valueText) = SplitAssignment(text, source);
        var values = ExpandValues(valueText, source);
        return name == "seeds" ? Seeds(values, source) : Grid(name, values, source);
    }

    /// <summary>Parses <c>bits=4,ratio=10</c> into an explicit point.</summary>
    public SweepDeclaration ParsePoint(string text)
    {
        var source = $"--point {text}";
        var values = new List<ParameterValue>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var (name, value) = SplitAssignment(part, source);
            if (value.Length == 0) throw new SweepException($"{source}: '{name}' has no value; write {name}=VALUE.");
            values.Add(new ParameterValue(name == "seeds" ? SeedName : name, value));
        }
        return Point(values, source);
    }

    private static (string Name, string Value) SplitAssignment(string text, string source)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0) throw new SweepException($"{source}: '{text}' is not name=value; e.g. bits=2,3,4.");
        return (text[..eq].Trim(), text[(eq + 1)..].Trim());
    }

    private static List<string> ExpandValues(string text, string source)
    {
        var values = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IntegerRanges.IsRange(part)) { values.Add(part); continue; }
            try
            {
                values.AddRange(IntegerRanges.Expand(part).Select(v => v.ToString(CultureInfo.InvariantCulture)));
            }
            catch (FormatException e)
            {
                throw new SweepException($"{source}: {e.Message}.");
            }
        }
        return values;
    }

    private static void CheckName(string name, string source)
    {
        if (!NamePattern().IsMatch(name))
            throw new SweepException($"{source}: '{name}' is not a parameter name; use letters, digits, '_', '.', '-' starting with a letter.");
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.\-]*$")]
    private static partial Regex NamePattern();
}
