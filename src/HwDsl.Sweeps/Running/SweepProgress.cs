namespace HwDsl.Sweeps;

/// <summary>Where a running sweep stands; <see cref="Event"/> says what just changed (null for a periodic update).</summary>
public sealed record SweepProgress(int Total, int Done, int Running, int Failed, int Pending, TimeSpan Elapsed, TimeSpan? Eta, string? Event)
{
    /// <summary><c>done 3/12, running 2, failed 1, pending 6, ETA 1m20s</c>.</summary>
    public string Line() => $"done {Done}/{Total}, running {Running}, failed {Failed}, pending {Pending}, elapsed {Format(Elapsed)}" +
                            (Eta is { } eta ? $", ETA {Format(eta)}" : "");

    /// <summary>Estimates the time left from the rate at which points have finished so far.</summary>
    public static TimeSpan? Estimate(int finished, int total, TimeSpan elapsed)
        => finished == 0 ? null : TimeSpan.FromSeconds(elapsed.TotalSeconds / finished * (total - finished));

    /// <summary><c>1h02m</c>, <c>3m05s</c>, <c>12.3s</c>.</summary>
    public static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m"
        : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:D2}s" : $"{t.TotalSeconds:F1}s";
}
