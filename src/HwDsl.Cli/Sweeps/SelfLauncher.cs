using System.Reflection;

namespace HwDsl.Cli.Sweeps;

/// <summary>How to start this same hwdsl again (for points and Slurm tasks): the apphost, or <c>dotnet hwdsl.dll</c>.</summary>
internal static class SelfLauncher
{
    public static IReadOnlyList<string> Arguments()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown.");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Assembly.GetEntryAssembly()!.Location]
            : [process];
    }
}
