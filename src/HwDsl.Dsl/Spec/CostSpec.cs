namespace HwDsl;

/// <summary>
/// What the cost model of an experiment uses: the technology with every constant final (the preset's, or the script's where
/// it set one) and how tiles are scheduled. Provenance of each value: <c>Cost.Technology</c>, <c>Cost.&lt;constant&gt;</c>,
/// <c>Cost.TileSchedule</c>.
/// </summary>
/// <param name="Technology">The technology with every constant final.</param>
/// <param name="Schedule">Tiles of a layer in parallel or one after the other.</param>
public sealed record CostSpec(Technology Technology, TileSchedule Schedule)
{
    /// <summary>The default: <see cref="Technologies.NeuroSimRram32nm"/>, tiles in parallel.</summary>
    public static CostSpec Default { get; } = new(Technologies.NeuroSimRram32nm, TileSchedule.Parallel);

    /// <inheritdoc />
    public override string ToString() => $"{Technology.Name}, tiles {Schedule.ToString().ToLowerInvariant()}";
}
