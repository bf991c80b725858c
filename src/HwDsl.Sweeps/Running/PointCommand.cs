using System.Text.RegularExpressions;

namespace HwDsl.Sweeps;

/// <summary>
/// What a point runs. With <see cref="Script"/>: <c>hwdsl run SCRIPT [--quick] --set name=value... --output
/// POINT_DIR --runs POINT_DIR/runs [-- args]</c>. With <see cref="Template"/>: any command line, run by <c>/bin/sh -c</c>, in which
/// <c>{name}</c> becomes the point's value of parameter <c>name</c>, <c>{output}</c> its folder and <c>{id}</c> its id
/// (each shell-quoted), so a sweep can drive any program.
/// </summary>
public sealed partial record PointCommand(string? Script, string? Template, bool Quick, IReadOnlyList<string> ScriptArgs)
{
    /// <summary>Placeholders that are not parameters.</summary>
    public static readonly IReadOnlyList<string> Builtins = ["output", "id"];

    /// <summary>The argument list of one point; <paramref name="self"/> is how to start this hwdsl.</summary>
    public IReadOnlyList<string> Arguments(SweepPoint point, string pointDir, IReadOnlyList<string> self)
    {
        if (Template is not null)
            return ["/bin/sh", "-c", Expand(Template, point, pointDir)];
        var args = new List<string>(self) { "run", Script! };
        if (Quick) args.Add("--quick");
        foreach (var v in point.Values) args.AddRange(["--set", v.ToString()]);
        // The point's run folders stay inside it (the merge reads them there), whatever $HWDSL_RUNS says.
        args.AddRange(["--output", pointDir, "--runs", Path.Combine(pointDir, "runs")]);
        if (ScriptArgs.Count > 0) args.AddRange(["--", .. ScriptArgs]);
        return args;
    }

    /// <summary>The parameter placeholders of <see cref="Template"/>.</summary>
    public static IReadOnlyList<string> Placeholders(string template)
        => [.. PlaceholderPattern().Matches(template).Select(m => m.Groups[1].Value).Where(n => !Builtins.Contains(n)).Distinct()];

    /// <summary>Every swept name must appear in the template and every placeholder must have a value in every point.</summary>
    public void CheckTemplate(IReadOnlyList<SweepPoint> points, IEnumerable<string> swept, Func<string, string> sourceOf)
    {
        var placeholders = Placeholders(Template!);
        foreach (var name in swept)
            if (!placeholders.Contains(name))
                throw new SweepException($"{sourceOf(name)}: '{name}' does not appear in --command as {{{name}}}; the command uses: {(placeholders.Count == 0 ? "no parameters" : string.Join(", ", placeholders.Select(p => $"{{{p}}}")))}.");
        foreach (var p in points)
            if (placeholders.FirstOrDefault(n => p[n] is null) is { } missing)
                throw new SweepException($"--command uses {{{missing}}} but the point {p.Describe()} gives it no value; add {missing}=... to that point or the grid.");
    }

    private static string Expand(string template, SweepPoint point, string pointDir)
        => PlaceholderPattern().Replace(template, m => m.Groups[1].Value switch
        {
            "output" => Quote(pointDir),
            "id" => Quote(point.Id),
            var name => Quote(point[name] ?? ""),
        });

    internal static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_.\-]*)\}")]
    private static partial Regex PlaceholderPattern();
}
