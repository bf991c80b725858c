namespace HwDsl;

/// <summary>Thrown by <c>Build()</c> when the spec is invalid; carries every error found, not just the first.</summary>
public sealed class SpecException : Exception
{
    /// <summary>Creates the exception from the errors found (at least one).</summary>
    /// <param name="errors">The errors.</param>
    public SpecException(IReadOnlyList<SpecError> errors)
        : base(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors:\n" + string.Join("\n", errors))
        => Errors = errors;

    /// <summary>Every error, in the order of the spec (experiment, network, hardware, training, evaluation).</summary>
    public IReadOnlyList<SpecError> Errors { get; }
}
