using System.CommandLine;
using HwDsl.Sweeps;

namespace HwDsl.Cli.Sweeps;

/// <summary>The sbatch resources on the command line; they override slurm.json (user's, then the sweep's).</summary>
internal sealed class SlurmOptions
{
    private readonly Option<string?> _partition = new("--partition") { Description = "slurm: partition" };
    private readonly Option<string?> _time = new("--time") { Description = "slurm: time limit per point, e.g. 01:00:00" };
    private readonly Option<string?> _memory = new("--mem") { Description = "slurm: memory per point, e.g. 4G" };
    private readonly Option<int?> _cpus = new("--cpus-per-task") { Description = "slurm: cores per point (default 1)" };
    private readonly Option<int?> _maxParallel = new("--max-parallel") { Description = "slurm: at most this many tasks at once (%N)" };
    private readonly Option<string[]> _extra = new("--sbatch") { Description = "slurm: an extra sbatch option, e.g. --sbatch=--qos=short (repeatable)" };

    public static SlurmOptions Create() => new();

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _partition, _time, _memory, _cpus, _maxParallel, _extra }) command.Options.Add(o);
    }

    public SlurmConfig Read(ParseResult parse)
    {
        if (parse.GetValue(_cpus) is < 1 or > 1024) throw new UserInputException($"--cpus-per-task must be between 1 and 1024; got {parse.GetValue(_cpus)}.");
        if (parse.GetValue(_maxParallel) is < 1) throw new UserInputException($"--max-parallel must be at least 1; got {parse.GetValue(_maxParallel)}.");
        return new SlurmConfig(parse.GetValue(_partition), parse.GetValue(_time), parse.GetValue(_memory), parse.GetValue(_cpus), parse.GetValue(_maxParallel),
            parse.GetValue(_extra) ?? []);
    }
}
