using System.CommandLine;
using HwDsl.Cli;
using HwDsl.Cli.Commands;

var root = new RootCommand("HwDsl: hardware-aware training for neuromorphic and analog in-memory hardware.")
{
    TrainCommand.Create(),
    DescribeCommand.Create(),
    BenchCommand.Create(),
    RunCommand.Create(),
    ReplCommand.Create(),
    PluginsCommand.Create(),
    SweepCommand.Create(),
    RunsCommand.Create(),
    ReplayCommand.Create(),
    ReportCommand.Create(),
    IrDropCommand.Create(),
};
root.Options.Add(PluginCli.Folders);
return CliErrors.Run(root, args);
