using System.Security.Cryptography;

namespace HwDsl.Experiments;

/// <summary>
/// One <c>hwdsl run</c> of a script, recorded in every run folder it makes so the run can be replayed or resumed: the
/// script and the SHA-256 of its text (with what it <c>#load</c>s), the <c>--set</c> values, <c>--quick</c>, the script's
/// arguments, the thread count and the output folder. Runs are numbered in the order the script starts them
/// (<c>ordinal</c>), which is the same on every run of the same script with the same values.
/// </summary>
public sealed class ScriptInvocation(string id, string script, string scriptSha256, IReadOnlyDictionary<string, string> sets,
    bool quick, IReadOnlyList<string> args, int threads, string output)
{
    private int _next;

    /// <summary>Shared by every run folder of this invocation (and kept when it is resumed).</summary>
    public string Id { get; } = id;

    /// <summary>The script's full path.</summary>
    public string Script { get; } = script;

    /// <summary>SHA-256 of the script and every file it loads (<see cref="HashSources"/>).</summary>
    public string ScriptSha256 { get; } = scriptSha256;

    /// <summary>The <c>--set name=value</c> pairs.</summary>
    public IReadOnlyDictionary<string, string> Sets { get; } = new SortedDictionary<string, string>(sets.ToDictionary(), StringComparer.Ordinal);

    /// <summary><c>--quick</c>.</summary>
    public bool Quick { get; } = quick;

    /// <summary>The script's own arguments.</summary>
    public IReadOnlyList<string> Args { get; } = args;

    /// <summary>MAC-core threads.</summary>
    public int Threads { get; } = threads;

    /// <summary>The script's output folder.</summary>
    public string Output { get; } = output;

    /// <summary>Replay: runs after this ordinal are not started (the script is stopped as if cancelled).</summary>
    public int? StopAfter { get; init; }

    /// <summary>A fresh id: UTC time and random bits.</summary>
    public static string NewId() => $"{DateTime.UtcNow:yyyyMMddTHHmmssZ}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>SHA-256 over the files' paths (as given, in order) and contents.</summary>
    public static string HashSources(IEnumerable<string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The next run's ordinal; throws <see cref="OperationCanceledException"/> past <see cref="StopAfter"/>.</summary>
    internal int NextOrdinal()
    {
        var ordinal = Interlocked.Increment(ref _next) - 1;
        if (StopAfter is { } last && ordinal > last) throw new OperationCanceledException($"replay: run {last} is done; later runs are not needed.");
        return ordinal;
    }

    internal object Json(int ordinal) => new
    {
        id = Id, script = Script, script_sha256 = ScriptSha256, sets = Sets, quick = Quick, args = Args, threads = Threads, output = Output, ordinal,
    };
}
