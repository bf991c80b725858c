using System.Diagnostics;

namespace HwDsl.Sweeps.Tests;

/// <summary>
/// A test that submits to a real Slurm. Skipped with a clear reason on a machine without one, unless Slurm is required
/// (<c>CI=1</c> or <c>HWDSL_REQUIRE_SLURM=1</c>, as .ci/run sets after starting its cluster): then it runs and fails.
/// </summary>
internal sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (SlurmCluster.Problem is { } problem && !SlurmCluster.Required)
            Skip = $"no Slurm cluster here ({problem}); start the test cluster with: eval \"$(.ci/slurm-up)\" (as root), stop it with .ci/slurm-down";
    }
}

internal static class SlurmCluster
{
    public static bool Required => Environment.GetEnvironmentVariable("CI") is "1" or "true" || Environment.GetEnvironmentVariable("HWDSL_REQUIRE_SLURM") == "1";

    /// <summary>Null when sinfo answers with an idle or mixed node; else why not.</summary>
    public static string? Problem { get; } = Probe();

    /// <summary>Fails the test with the reason when Slurm is required but absent.</summary>
    public static void Require()
    {
        if (Problem is { } p) Assert.Fail($"a Slurm cluster is required here (CI / HWDSL_REQUIRE_SLURM) but {p}; .ci/run starts one with .ci/slurm-up.");
    }

    private static string? Probe()
    {
        try
        {
            var info = new ProcessStartInfo("sinfo", "-h -o %T") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(info)!;
            var output = p.StandardOutput.ReadToEnd();
            var err = p.StandardError.ReadToEnd();
            if (!p.WaitForExit(20_000)) return "sinfo did not answer in 20 s";
            if (p.ExitCode != 0) return $"sinfo failed: {err.Trim().Split('\n')[0]}";
            return output.Contains("idle") || output.Contains("mix") || output.Contains("alloc") ? null : $"no usable node (sinfo: {output.Trim()})";
        }
        catch (System.ComponentModel.Win32Exception) { return "sinfo is not installed"; }
    }
}
