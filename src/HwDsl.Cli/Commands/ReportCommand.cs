using System.CommandLine;
using HwDsl.Reports;

namespace HwDsl.Cli.Commands;

/// <summary><c>hwdsl report PATH [--output FILE]</c>: one self-contained HTML file with SVG figures for a run folder, a
/// script's results folder or a sweep folder (<see cref="Report"/>).</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "a run folder, a script's results folder (e.g. results/quickstart) or a sweep folder" };
        var output = new Option<string?>("--output", "-o") { Description = "the HTML file to write (default PATH/report.html)" };
        var command = new Command("report", "Write an HTML report with figures of a run, a script's results or a sweep.") { path, output };
        command.SetAction(parse =>
        {
            try
            {
                var (file, figures) = Report.Write(parse.GetValue(path)!, parse.GetValue(output));
                Console.WriteLine($"report: {file} ({figures.Count} figure(s))");
                return 0;
            }
            catch (ReportException e)
            {
                throw new UserInputException(e.Message);
            }
        });
        return command;
    }
}
