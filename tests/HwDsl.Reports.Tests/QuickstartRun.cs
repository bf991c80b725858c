using HwDsl.Scripting.Tests;

namespace HwDsl.Reports.Tests;

/// <summary><c>hwdsl run scripts/quickstart.csx --quick</c> once for the tests that read what it leaves.</summary>
public sealed class QuickstartRun : IDisposable
{
    public QuickstartRun()
    {
        Root = Directory.CreateTempSubdirectory("hwdsl-report-qs-").FullName;
        Output = Path.Combine(Root, "quickstart");
        var home = Path.Combine(Root, "home");
        (Exit, Stdout, Stderr) = Cli.Run(home, "run", "scripts/quickstart.csx", "--quick", "--output", Output);
    }

    public string Root { get; }
    public string Output { get; }
    public int Exit { get; }
    public string Stdout { get; }
    public string Stderr { get; }

    public void Dispose()
    {
        // Keep it when asked (the README's screenshot is taken from a real run).
        if (Environment.GetEnvironmentVariable("HWDSL_KEEP_REPORTS") != "1") Directory.Delete(Root, true);
    }
}
