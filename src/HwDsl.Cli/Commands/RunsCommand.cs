using System.CommandLine;
using System.Globalization;
using HwDsl.Experiments;

namespace HwDsl.Cli.Commands;

/// <summary>
/// <c>hwdsl runs [DIR]</c>: every run folder at or below DIR (default the run root, <c>$HWDSL_RUNS</c> or <c>runs/</c>) with its
/// status as it is now — a run still marked running whose process is gone shows as <c>interrupted</c> — name, mode, seed,
/// accuracy and, for failed or diverged runs, why.
/// </summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("folder") { Description = "where to look (a run root, a script's output folder, a sweep); default $HWDSL_RUNS or runs/", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("runs", "List run folders with their status, name, mode, seed and accuracy.") { folder };
        command.SetAction(parse =>
        {
            var root = Path.GetFullPath(parse.GetValue(folder) ?? RunFolder.DefaultRoot);
            if (!Directory.Exists(root)) throw new UserInputException($"{root}: no such folder.");
            var runs = RunInfo.Find(root);
            if (runs.Count == 0)
            {
                Console.WriteLine($"no run folders below {root}.");
                return 0;
            }
            var rows = runs.Select(r => new[]
            {
                r.State, r.Name, r.Mode, r.Seed.ToString(CultureInfo.InvariantCulture),
                r.Accuracy is { } a && double.IsFinite(a) ? string.Create(CultureInfo.InvariantCulture, $"{100 * a:F2} %") : "–",
                Path.GetRelativePath(root, r.Folder),
            }).ToList();
            string[] header = ["status", "name", "mode", "seed", "accuracy", "folder"];
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
            Console.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
            foreach (var (row, run) in rows.Zip(runs))
            {
                Console.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
                if (run.Reason is { } reason) Console.WriteLine($"    {reason}");
                else if (run.State == RunStatus.Interrupted) Console.WriteLine($"    process {run.Pid} on {run.Host} is gone; continue it with 'hwdsl run <script> --resume {Path.GetRelativePath(Environment.CurrentDirectory, run.Folder)}'");
            }
            var counts = runs.GroupBy(r => r.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
            Console.WriteLine($"{runs.Count} run(s): {string.Join(", ", counts)}");
            return 0;
        });
        return command;
    }
}
