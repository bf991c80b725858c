namespace HwDsl.Sweeps;

/// <summary>One <c>sbatch</c> of a sweep (the first, or a resume): which array indices went to which job.</summary>
public sealed record SlurmSubmission(string JobId, string Indices, DateTime SubmittedUtc);
