using System.Text.Json;
using System.Text.Json.Serialization;
using HwDsl.Experiments;

namespace HwDsl.Sweeps;

/// <summary>
/// A sweep on disk: <c>sweep.json</c> (the manifest), <c>points/&lt;id&gt;/</c> (each point's output folder, with
/// <c>stdout.log</c>, <c>stderr.log</c>, <c>attempt.json</c> and, once finished, <c>point.json</c>),
/// <c>results.csv</c> / <c>results.json</c> (the merged table), and for Slurm <c>slurm/</c> (the job script,
/// the submissions, Slurm's own logs). Every file is replaced atomically.
/// </summary>
public sealed class SweepFolder
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private SweepFolder(string root, SweepManifest manifest) => (Root, Manifest) = (root, manifest);

    /// <summary>The folder (absolute).</summary>
    public string Root { get; }

    /// <summary>What the sweep runs.</summary>
    public SweepManifest Manifest { get; }

    /// <summary>The manifest file of a sweep folder.</summary>
    public static string ManifestPath(string root) => Path.Combine(root, "sweep.json");

    /// <summary>Creates the folder and writes the manifest; an existing sweep there is an error unless it is the same sweep.</summary>
    public static SweepFolder Create(string root, SweepManifest manifest)
    {
        root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(root, "points"));
        WriteJson(ManifestPath(root), manifest);
        return new SweepFolder(root, manifest);
    }

    /// <summary>Opens an existing sweep.</summary>
    public static SweepFolder Open(string root)
    {
        root = Path.GetFullPath(root);
        var path = ManifestPath(root);
        if (!File.Exists(path)) throw new SweepException($"'{root}' is not a sweep folder (no sweep.json); give the folder that 'hwdsl sweep' printed.");
        SweepManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<SweepManifest>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new SweepException($"{path}: not a readable sweep manifest ({e.Message})."); }
        if (manifest is null || manifest.Version != SweepManifest.CurrentVersion)
            throw new SweepException($"{path}: sweep format {manifest?.Version} is not {SweepManifest.CurrentVersion}; run it with the hwdsl that created it.");
        return new SweepFolder(root, manifest);
    }

    /// <summary>A point's output folder.</summary>
    public string PointDir(SweepPoint point) => Path.Combine(Root, "points", point.Id);

    /// <summary>The Slurm files of this sweep.</summary>
    public string SlurmDir => Path.Combine(Root, "slurm");

    /// <summary>The point's finished record, or null while it has none.</summary>
    public PointRecord? Record(SweepPoint point) => ReadJson<PointRecord>(Path.Combine(PointDir(point), "point.json"));

    /// <summary>The point's latest attempt (started, not necessarily ended), or null when it never started.</summary>
    public PointAttempt? Attempt(SweepPoint point) => ReadJson<PointAttempt>(Path.Combine(PointDir(point), "attempt.json"));

    /// <summary>Whether an attempt at the point has started (and not necessarily ended).</summary>
    public bool Started(SweepPoint point) => File.Exists(Path.Combine(PointDir(point), "attempt.json"));

    /// <summary>Points with no successful result yet (what a resume runs), in manifest order.</summary>
    public IReadOnlyList<SweepPoint> Unfinished() => [.. Manifest.Points.Where(p => Record(p) is not { Succeeded: true })];

    /// <summary>A path relative to the sweep folder, for tables and messages that stay valid when the folder moves.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path);

    internal static T? ReadJson<T>(string path) where T : class
    {
        try { return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null; }
        catch (JsonException) { return null; } // only a foreign hand can leave a torn file: writes are atomic
    }

    internal static void WriteJson(string path, object value) => WriteText(path, JsonSerializer.Serialize(value, value.GetType(), Json) + "\n");

    /// <summary>Writes beside the target, flushes, renames over it: readers see the old or the new file, never a part.</summary>
    internal static void WriteText(string path, string content) => HwDsl.Experiments.RunFolder.WriteAtomic(path, content);
}
