using System.Text.Json;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>
/// Whether a recorded run can be reproduced here bit for bit: the same code (<see cref="CodeVersion"/>: the computing
/// assemblies' identities), and the same version and build of every device model it used. The data's checksum is
/// compared when the data set loads (<see cref="DataDifference"/>).
/// </summary>
public static class Reproduction
{
    /// <summary>One line per difference that rules out a bit-identical re-run; empty when there is none.</summary>
    public static IReadOnlyList<string> Differences(RunInfo run, DeviceCatalog devices)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(devices);
        var found = new List<string>();
        var versions = RunInfo.Get(run.Json, "versions");
        var code = versions is { } v ? RunInfo.Get(v, "code") : null;
        var now = CodeVersion.Current;
        if (code is not { } c || RunInfo.Str(c, "assemblies_sha256") is not { } hash)
            found.Add("the run records no code version (it was made by an older hwdsl)");
        else if (hash != now.AssembliesSha256)
            found.Add($"the code differs: the run was computed by {RunInfo.Str(c, "revision") ?? "unknown"} (assemblies {hash[..12]}), this is {now.Revision} (assemblies {now.AssembliesSha256[..12]})");
        if (versions is { } vs && RunInfo.Get(vs, "devices") is { ValueKind: JsonValueKind.Array } list)
            foreach (var d in list.EnumerateArray())
            {
                var name = RunInfo.Str(d, "name") ?? "?";
                var version = RunInfo.Str(d, "version");
                if (!devices.TryResolve(name, out var model))
                    found.Add($"device '{name}' (version {version}) is not loaded here; known devices: {string.Join(", ", devices.Names)}");
                else if (model.Version != version)
                    found.Add($"device '{name}' is version {model.Version} here; the run used {version}");
                else if (RunInfo.Str(d, "identity") is { } id && id != CodeVersion.Identity(model))
                    found.Add($"device '{name}' {version} is a different build here (plugin assembly {CodeVersion.Identity(model)[..12]}, the run's {id[..12]})");
            }
        return found;
    }

    /// <summary>A line when <paramref name="checksum"/> differs from the data the run recorded, else null.</summary>
    public static string? DataDifference(RunInfo run, string dataset, string checksum)
    {
        ArgumentNullException.ThrowIfNull(run);
        var data = RunInfo.Get(run.Json, "data");
        var recorded = data is { } d ? RunInfo.Str(d, "checksum") : null;
        return recorded is null || recorded == checksum ? null
            : $"the data differ: data set '{dataset}' has checksum {checksum} here; the run used {recorded}";
    }
}
