using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HwDsl.Scripting;

/// <summary>
/// Compiled scripts on disk, so a second run skips Roslyn entirely. The key is the script's path and text plus the
/// identity (MVID) of every HwDsl assembly it compiles against; an entry is used only while every <c>#load</c>ed file
/// and <c>#r</c>eferenced assembly still has the hash it had when compiled. Entries are written to a temporary
/// folder and renamed into place, so concurrent runs never see half an entry.
/// </summary>
public sealed class ScriptCache(string root)
{
    private sealed record Manifest(string EntryType, string EntryMethod, Dictionary<string, string> Sources,
        Dictionary<string, string> References, string[] Parameters, Dictionary<string, string[]>? ParameterTypes = null, string[]? QuickOverridden = null);

    /// <summary>The cache in <see cref="ScriptPaths.Cache"/>.</summary>
    public static ScriptCache Default => new(ScriptPaths.Cache);

    /// <summary>The folder holding the entries.</summary>
    public string Root { get; } = root;

    /// <summary>The cached script for <paramref name="path"/>, compiling (and storing) it when absent or stale.</summary>
    /// <param name="path">The script.</param>
    /// <param name="hit">True when the entry came from the cache.</param>
    public CompiledScript GetOrCompile(string path, out bool hit)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new ScriptException($"{ScriptPaths.Display(path)}: no such script.");
        var dir = Path.Combine(Root, Key(full));
        if (TryLoad(full, dir) is { } cached)
        {
            hit = true;
            return cached;
        }
        hit = false;
        var compiled = ScriptCompiler.Compile(full);
        TryStore(dir, compiled);
        return compiled;
    }

    private static string Key(string fullPath)
    {
        var text = new StringBuilder().Append(fullPath).Append('\n');
        foreach (var a in ScriptCompiler.HwDslAssemblies) text.Append(a.GetName().FullName).Append(' ').Append(a.ManifestModule.ModuleVersionId).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(File.ReadAllBytes(fullPath)).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }

    private static string Hash(string file) => File.Exists(file) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) : "missing";

    private static CompiledScript? TryLoad(string full, string dir)
    {
        try
        {
            var manifestPath = Path.Combine(dir, "manifest.json");
            if (!File.Exists(manifestPath)) return null;
            var m = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(manifestPath));
            if (m is null || m.ParameterTypes is null || m.QuickOverridden is null || m.Sources.Concat(m.References).Any(kv => Hash(kv.Key) != kv.Value)) return null;
            return new CompiledScript(full, File.ReadAllBytes(Path.Combine(dir, "script.dll")), File.ReadAllBytes(Path.Combine(dir, "script.pdb")),
                m.EntryType, m.EntryMethod, [.. m.Sources.Keys], [.. m.References.Keys], m.Parameters)
            {
                ParameterTypes = m.ParameterTypes,
                QuickOverridden = m.QuickOverridden,
            };
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;   // a damaged entry is recompiled and replaced
        }
    }

    private void TryStore(string dir, CompiledScript s)
    {
        try
        {
            Directory.CreateDirectory(Root);
            var tmp = Path.Combine(Root, $".tmp-{Guid.NewGuid():N}");
            Directory.CreateDirectory(tmp);
            File.WriteAllBytes(Path.Combine(tmp, "script.dll"), s.Assembly);
            File.WriteAllBytes(Path.Combine(tmp, "script.pdb"), s.Pdb);
            var manifest = new Manifest(s.EntryType, s.EntryMethod, s.SourceFiles.ToDictionary(f => f, Hash),
                s.References.ToDictionary(f => f, Hash), [.. s.Parameters], s.ParameterTypes.ToDictionary(), [.. s.QuickOverridden]);
            File.WriteAllText(Path.Combine(tmp, "manifest.json"), JsonSerializer.Serialize(manifest));
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Directory.Move(tmp, dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache only saves time: a read-only or contended cache folder must not fail the run.
        }
    }
}
