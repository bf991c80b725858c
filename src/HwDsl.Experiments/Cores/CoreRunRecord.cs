using HwDsl.Compiler;
using HwDsl.Data;

namespace HwDsl.Experiments;

/// <summary>run.json of a core experiment: the same status, process and invocation fields as an experiment run's.</summary>
internal sealed record CoreRunRecord(CoreExperimentSpec Spec, Dataset Data, int Threads, ScriptInvocation? Invocation, int? Ordinal)
{
    public DateTime Started { get; } = DateTime.UtcNow;

    /// <summary>Members restored from their checkpoints when resumed.</summary>
    public int? ResumedMembers { get; init; }

    public object With(string status, RunFailure? failure = null, int? member = null) => new
    {
        status,
        updated = DateTime.UtcNow.ToString("O"),
        started = Started.ToString("O"),
        host = Environment.MachineName,
        pid = Environment.ProcessId,
        process_start = RunRecord.ProcessStart.ToString("O"),
        failure = failure?.Json,
        failed_member = failure is null ? null : member + 1,
        resumed_members = ResumedMembers,
        name = Spec.Name,
        seed = Spec.Seed,
        mode = SchemaNames.Snake(Spec.Training.Method),
        threads = Threads,
        invocation = Invocation?.Json(Ordinal ?? -1),
        data = new { name = Data.Name, checksum = Data.Checksum, files = Data.Files.Select(f => new { f.Role, f.Sha256, f.Path }) },
        versions = new
        {
            code = new { revision = CodeVersion.Current.Revision, dirty = CodeVersion.Current.Dirty, assemblies_sha256 = CodeVersion.Current.AssembliesSha256 },
            dotnet = Environment.Version.ToString(),
            mac_core = Kernels.Gemm.Describe(),
        },
    };
}
