using System.Globalization;
using System.Text.Json;

namespace HwDsl.Sweeps;

/// <summary>
/// What each array task asks Slurm for. Read, later winning, from <c>~/.config/hwdsl/slurm.json</c> (or
/// <c>$XDG_CONFIG_HOME/hwdsl/slurm.json</c>), then <c>slurm.json</c> in the sweep folder, then the command line.
/// Keys: <c>partition</c>, <c>time</c>, <c>mem</c>, <c>cpus_per_task</c>, <c>max_parallel</c>, <c>sbatch</c>
/// (a list of extra sbatch options such as <c>"--qos=short"</c>).
/// </summary>
public sealed record SlurmConfig(string? Partition, string? Time, string? Memory, int? CpusPerTask, int? MaxParallel, IReadOnlyList<string> Extra)
{
    private static readonly string[] Keys = ["partition", "time", "mem", "cpus_per_task", "max_parallel", "sbatch"];

    /// <summary>Nothing set: Slurm's defaults.</summary>
    public static SlurmConfig Empty { get; } = new(null, null, null, null, null, []);

    /// <summary>Cores a task gets (and the processor count its .NET sees).</summary>
    public int Cpus => CpusPerTask ?? 1;

    /// <summary><paramref name="over"/>'s values where set, else this one's; extra options accumulate.</summary>
    public SlurmConfig With(SlurmConfig over) => new(over.Partition ?? Partition, over.Time ?? Time, over.Memory ?? Memory,
        over.CpusPerTask ?? CpusPerTask, over.MaxParallel ?? MaxParallel, [.. Extra, .. over.Extra]);

    /// <summary>The user's file, then the sweep's, each if it exists.</summary>
    public static SlurmConfig Load(string sweepRoot)
    {
        var config = Empty;
        var home = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } x ? x
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        foreach (var file in new[] { Path.Combine(home, "hwdsl", "slurm.json"), Path.Combine(sweepRoot, "slurm.json") })
            if (File.Exists(file)) config = config.With(Read(file));
        return config;
    }

    /// <summary>Reads one config file; unknown keys and wrong types are errors that name the file.</summary>
    public static SlurmConfig Read(string file)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(file)); }
        catch (JsonException e) { throw new SweepException($"{file}: not valid JSON ({e.Message})."); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new SweepException($"{file}: must be a JSON object with keys {string.Join(", ", Keys)}.");
            var c = Empty;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                string Text() => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? p.Value.ToString()
                    : throw new SweepException($"{file}: '{p.Name}' must be a string; got {p.Value.ValueKind}.");
                int Count() => p.Value.TryGetInt32(out var n) && n >= 1 ? n : throw new SweepException($"{file}: '{p.Name}' must be a whole number >= 1; got {p.Value}.");
                c = p.Name switch
                {
                    "partition" => c with { Partition = Text() },
                    "time" => c with { Time = Text() },
                    "mem" => c with { Memory = Text() },
                    "cpus_per_task" => c with { CpusPerTask = Count() },
                    "max_parallel" => c with { MaxParallel = Count() },
                    "sbatch" when p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                        => c with { Extra = [.. p.Value.EnumerateArray().Select(e => e.GetString()!)] },
                    "sbatch" => throw new SweepException($"{file}: 'sbatch' must be a list of strings such as [\"--qos=short\"]."),
                    _ => throw new SweepException($"{file}: unknown key '{p.Name}'; allowed: {string.Join(", ", Keys)}."),
                };
            }
            return c;
        }
    }

    /// <summary>The <c>#SBATCH</c> lines.</summary>
    public IEnumerable<string> Directives()
    {
        if (Partition is not null) yield return $"--partition={Partition}";
        if (Time is not null) yield return $"--time={Time}";
        if (Memory is not null) yield return $"--mem={Memory}";
        yield return $"--cpus-per-task={Cpus.ToString(CultureInfo.InvariantCulture)}";
        foreach (var e in Extra) yield return e;
    }
}
