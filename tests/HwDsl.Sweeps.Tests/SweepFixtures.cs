namespace HwDsl.Sweeps.Tests;

/// <summary>Small sweeps over a shell command, the stand-in for a script point in executor tests.</summary>
internal static class SweepFixtures
{
    /// <summary>
    /// Writes results.json with acc = bits/10 + seed/100; bits=3 fails (exit 3, a line on stderr) while the sweep folder
    /// holds a file named <c>break-3</c>, so a test can repair the cause and resume.
    /// </summary>
    public const string Template =
        "sleep 0.2; if [ {bits} = 3 ] && [ -e {output}/../../break-3 ]; then echo \"bits 3 is broken\" >&2; exit 3; fi; " +
        "printf '{\"acc\": %s, \"bits_seen\": %s}' $(echo {bits} {seed} | awk '{print $1/10 + $2/100}') {bits} > {output}/results.json";

    public static SweepFolder Create(string root, string template = Template, string grid = "bits=2,3,4", string seeds = "0..1")
    {
        var declaration = new SweepDeclaration().ParseGrid(grid).ParseGrid($"seeds={seeds}");
        var folder = SweepSetup.Create(SweepSetup.Plan(null, template, false, [], declaration), root);
        File.WriteAllText(Path.Combine(root, "break-3"), "");
        return folder;
    }
}
