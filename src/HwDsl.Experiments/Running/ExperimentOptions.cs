using HwDsl.Data;
using HwDsl.Kernels;
using HwDsl.Training;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>Where and how an experiment runs; every member has a sensible default.</summary>
public sealed record ExperimentOptions
{
    /// <summary>Worker threads for the MAC core (all cores when null).</summary>
    public MacPool? Pool { get; init; }

    /// <summary>Progress receiver (per batch and per epoch).</summary>
    public ITrainingObserver? Observer { get; init; }

    /// <summary>Stops training between mini-batches; what was written stays.</summary>
    public CancellationToken Cancel { get; init; }

    /// <summary>Folder that receives run folders (<see cref="RunFolder.DefaultRoot"/> when null).</summary>
    public string? RunRoot { get; init; }

    /// <summary>Where data sets come from.</summary>
    public DatasetStore? Store { get; init; }

    /// <summary>An already loaded data set, used when its name is the spec's (sweeps load once, not per point).</summary>
    public Dataset? Data { get; init; }

    /// <summary>The spec's data set: <see cref="Data"/> when it matches, else loaded from <see cref="Store"/>.</summary>
    public Dataset LoadData(string name)
        => Data is { } d && string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase) ? d : (Store ?? new DatasetStore()).Load(name, Log);

    /// <summary>The device models experiments can name.</summary>
    public DeviceCatalog? Devices { get; init; }

    /// <summary>The script invocation these runs belong to (recorded in each run.json for replay and resume), or null.</summary>
    public ScriptInvocation? Invocation { get; init; }

    /// <summary>Continue the runs of an earlier invocation (by ordinal) instead of starting fresh ones, or null.</summary>
    public ResumeSource? Resume { get; init; }

    /// <summary>Write checkpoint.bin after every epoch (default), so the run can be resumed.</summary>
    public bool Checkpoints { get; init; } = true;

    /// <summary>Marks every run as a smoke test (<c>--quick</c>: a small subset whose numbers say nothing about the method);
    /// run folders and tables say so.</summary>
    public bool SmokeTest { get; init; }

    /// <summary>Called once a run's folder is complete (results, exports), e.g. to list a script's runs for its report.</summary>
    public Action<ExperimentResult>? Recorded { get; init; }

    /// <summary>Receives one-line messages (data fetching, where the run folder is).</summary>
    public Action<string>? Log { get; init; }
}
