using System.Diagnostics;
using System.Reflection;
using HwDsl.Compiler;
using HwDsl.Contracts;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Experiments;

/// <summary>
/// The reproducibility record of a run: what ran, on what data, with which code and devices, started by which process
/// (host, pid and its start time, so readers can tell a killed run from a live one) and, from a script, the invocation.
/// </summary>
internal sealed record RunRecord(ExperimentSpec Spec, Dataset Data, CompiledNetwork Network, int Threads,
    ScriptInvocation? Invocation, int? Ordinal)
{
    internal static readonly DateTime ProcessStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    /// <summary>When this process started (or resumed) the run.</summary>
    public DateTime Started { get; } = DateTime.UtcNow;

    /// <summary>The epochs restored from a checkpoint when the run was resumed, else null.</summary>
    public int? ResumedAfter { get; init; }

    public object With(string status, RunFailure? failure = null) => new
    {
        status,
        updated = DateTime.UtcNow.ToString("O"),
        started = Started.ToString("O"),
        host = Environment.MachineName,
        pid = Environment.ProcessId,
        process_start = ProcessStart.ToString("O"),
        failure = failure?.Json,
        resumed_after_epoch = ResumedAfter,
        name = Spec.Name,
        seed = Spec.Seed,
        mode = SchemaNames.Snake(Spec.Training.Mode),
        threads = Threads,
        invocation = Invocation?.Json(Ordinal ?? -1),
        data = new { name = Data.Name, checksum = Data.Checksum, files = Data.Files.Select(f => new { f.Role, f.Sha256, f.Path }) },
        versions = new
        {
            hwdsl = typeof(ExperimentRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            code = new { revision = CodeVersion.Current.Revision, dirty = CodeVersion.Current.Dirty, assemblies_sha256 = CodeVersion.Current.AssembliesSha256 },
            dotnet = Environment.Version.ToString(),
            mac_core = Gemm.Describe(),
            contract = $"{ContractVersion.Major}.{ContractVersion.Minor}",
            // As bound: the model's version, every parameter the device was configured with, and the assembly's identity (replay checks it).
            devices = Network.Bound.Devices.Select(d => new { d.Name, d.Version, preset = d.Preset, settings = d.Settings.ToString(), identity = CodeVersion.Identity(d.Model) }),
        },
        network = Network.Describe(),
    };
}

/// <summary>Why a run ended early: the message, where (1-based epoch and batch; no batch = after the epoch's batches), which tensor.</summary>
internal sealed record RunFailure(string Message, int? Epoch, int? Batch, string? Tensor, string Exception)
{
    /// <summary>The failure an exception stands for, with the trainer's position when it came out of training.</summary>
    public static RunFailure From(Exception e)
    {
        var at = HwDsl.Training.TrainingFailure.Position(e);
        var diverged = e as HwDsl.Training.TrainingDivergedException;
        return new RunFailure(diverged?.Message ?? $"{e.GetType().Name}: {e.Message}", at is { } p ? p.Epoch + 1 : null,
            at is { Batch: { } b } ? b + 1 : null, diverged?.Tensor, e.GetType().FullName ?? e.GetType().Name);
    }

    /// <summary>The status it leaves: diverged or failed.</summary>
    public string Status => Exception == typeof(HwDsl.Training.TrainingDivergedException).FullName ? RunStatus.Diverged : RunStatus.Failed;

    public object Json => new { message = Message, epoch = Epoch, batch = Batch, tensor = Tensor, exception = Exception };
}
