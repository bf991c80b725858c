using System.Globalization;
using System.Text;
using System.Text.Json;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// One experiment run on disk. Every file is replaced atomically (written beside, then renamed over), so a run
/// that is stopped at any moment leaves each file either in its previous complete state or its new one.
/// </summary>
public sealed class RunFolder
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // NaN (no deployed accuracy in Float mode) and ∞ (an ideal on/off ratio) are meaningful values here.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // One schema for every file of a run folder: snake_case names, enums as snake_case strings.
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private RunFolder(string path) => Path = path;

    /// <summary>The JSON settings of run-folder files (snake_case, string enums, NaN and ∞ allowed).</summary>
    public static JsonSerializerOptions JsonOptions => Json;

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Where runs go: <c>$HWDSL_RUNS</c>, else <c>runs/</c> under the working directory.</summary>
    public static string DefaultRoot => Environment.GetEnvironmentVariable("HWDSL_RUNS") is { Length: > 0 } r ? r : System.IO.Path.Combine(Directory.GetCurrentDirectory(), "runs");

    /// <summary>Creates <c>root/name-yyyyMMdd-HHmmss[-n]</c>, never reusing an existing folder. A folder that cannot be
    /// created or written is a <see cref="RunException"/> naming it, before anything trains.</summary>
    public static RunFolder Create(string name, string? root = null)
    {
        root ??= DefaultRoot;
        var safe = new string([.. name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
        var stem = System.IO.Path.Combine(root, $"{safe}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        var path = stem;
        for (var n = 2; Directory.Exists(path); n++) path = $"{stem}-{n}";
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunException($"cannot create the run folder {path}: {e.Message} Choose a writable folder (--output, or $HWDSL_RUNS).", e);
        }
        return new RunFolder(path);
    }

    /// <summary>An existing run folder, to continue a run in it (resume).</summary>
    public static RunFolder Open(string path) => Directory.Exists(path) ? new RunFolder(System.IO.Path.GetFullPath(path))
        : throw new RunException($"{path}: no such run folder.");

    /// <summary>Replaces <paramref name="file"/> with <paramref name="content"/> atomically.</summary>
    public void WriteText(string file, string content) => WriteAtomic(System.IO.Path.Combine(Path, file), content);

    /// <summary>Replaces <paramref name="file"/> with <paramref name="content"/> atomically.</summary>
    public void WriteBytes(string file, ReadOnlySpan<byte> content) => WriteAtomic(System.IO.Path.Combine(Path, file), content);

    /// <summary>Writes UTF-8 beside <paramref name="path"/>, flushes to disk and renames over it: readers see the old or
    /// the new file, never a part (the temporary name carries the process id, so concurrent writers do not collide).</summary>
    public static void WriteAtomic(string path, string content) => WriteAtomic(path, new UTF8Encoding(false).GetBytes(content));

    /// <summary>As <see cref="WriteAtomic(string, string)"/>, for bytes (.npz exports).</summary>
    public static void WriteAtomic(string path, ReadOnlySpan<byte> content)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Replaces <paramref name="file"/> with <paramref name="value"/> as indented JSON.</summary>
    public void WriteJson(string file, object value) => WriteText(file, JsonSerializer.Serialize(value, value.GetType(), Json) + "\n");

    /// <summary>Replaces <paramref name="file"/> with a CSV (invariant culture, RFC 4180 quoting).</summary>
    public void WriteCsv(string file, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
        => WriteText(file, Csv(header, rows));

    /// <summary>Formats a CSV table (invariant culture, RFC 4180 quoting, round-trip doubles).</summary>
    public static string Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', header.Select(Quote)).Append('\n');
        foreach (var row in rows)
        {
            if (row.Count != header.Count) throw new ArgumentException($"a CSV row has {row.Count} cells; the header has {header.Count}.");
            sb.AppendJoin(',', row.Select(Cell)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
