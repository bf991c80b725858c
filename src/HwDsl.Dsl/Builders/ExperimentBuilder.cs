using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// An experiment with name, data and network; hardware, training and evaluation are optional (defaults apply).
/// Calls mutate and return this builder; the <c>With</c> methods return modified copies and leave it unchanged.
/// <see cref="Build"/> validates and freezes it into an <see cref="ExperimentSpec"/>.
/// </summary>
public sealed class ExperimentBuilder
{
    private readonly ExperimentState state;

    internal ExperimentBuilder(ExperimentState state) => this.state = state;

    /// <summary>Random seed (weights, batches, noise draws). Default 0.</summary>
    /// <param name="seed">Seed.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public ExperimentBuilder Seed(int seed, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        state.Seed = new Setting<int>(seed, Provenance.Explicit(file, line));
        return this;
    }

    /// <summary>
    /// Runs every weight layer (Dense and Conv2d) on <paramref name="hardware"/> (a copy is taken), with optional per-layer overrides:
    /// <c>layers =&gt; layers.First.Digital()</c>, <c>layers.Last.WeightBits(8)</c>, <c>layers[1].ReadNoise(0.02)</c>.
    /// Without <c>On</c>, layers use the defaults of <see cref="Hardware.DifferentialPair"/>. A second call replaces the first.
    /// </summary>
    /// <param name="hardware">The hardware.</param>
    /// <param name="layers">Per-layer overrides, applied after the hardware in order.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public ExperimentBuilder On(HardwareBuilder hardware, Action<LayerSelector>? layers = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        state.Hardware = hardware.Clone();
        state.HardwareWhere = Provenance.Explicit(file, line);
        state.Overrides = [];
        layers?.Invoke(new LayerSelector(state.Overrides, state.HardwareWhere));
        return this;
    }

    /// <summary>Training settings, e.g. <c>t =&gt; t.Adam(1e-3).Epochs(10).HardwareAware(Relaxation.Ste)</c>; repeated calls add up.</summary>
    /// <param name="training">Describes training.</param>
    public ExperimentBuilder Train(Action<TrainingBuilder> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        training(state.Training);
        return this;
    }

    /// <summary>Evaluation settings, e.g. <c>e =&gt; e.Deployed(samples: 5)</c>.</summary>
    /// <param name="evaluation">Describes evaluation.</param>
    public ExperimentBuilder Evaluate(Action<EvaluationBuilder> evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        evaluation(state.Evaluation);
        return this;
    }

    /// <summary>A copy with changed training, e.g. <c>exp.With(t =&gt; t.NaiveMapping())</c>; this builder is unchanged.</summary>
    /// <param name="training">The changes to training.</param>
    public ExperimentBuilder With(Action<TrainingBuilder> training) => Copy().Train(training);

    /// <summary>
    /// A copy on other hardware, e.g. <c>exp.With(hw.With(h =&gt; h.WeightBits(2)))</c>. The per-layer overrides are kept
    /// unless <paramref name="layers"/> gives new ones. This builder is unchanged.
    /// </summary>
    /// <param name="hardware">The new hardware.</param>
    /// <param name="layers">New per-layer overrides, or null to keep the current ones.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public ExperimentBuilder With(HardwareBuilder hardware, Action<LayerSelector>? layers = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        var copy = Copy();
        if (layers is not null) return copy.On(hardware, layers, file, line);
        copy.state.Hardware = hardware.Clone();
        copy.state.HardwareWhere = Provenance.Explicit(file, line);
        return copy;
    }

    /// <summary>A copy with changed evaluation; this builder is unchanged.</summary>
    /// <param name="evaluation">The changes to evaluation.</param>
    public ExperimentBuilder WithEvaluation(Action<EvaluationBuilder> evaluation) => Copy().Evaluate(evaluation);

    /// <summary>A copy with another seed (for repeats over seeds); this builder is unchanged.</summary>
    /// <param name="seed">Seed.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public ExperimentBuilder WithSeed(int seed, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Copy().Seed(seed, file, line);

    /// <summary>A copy with another name (e.g. for variants that get their own run folder); this builder is unchanged.</summary>
    /// <param name="name">Experiment name.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public ExperimentBuilder WithName(string name, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var copy = Copy();
        copy.state.Name = new Setting<string>(name, Provenance.Explicit(file, line));
        return copy;
    }

    /// <summary>Validates everything recorded and freezes it; throws <see cref="SpecException"/> listing every error.</summary>
    /// <exception cref="SpecException">The spec is invalid.</exception>
    public ExperimentSpec Build() => SpecFreezer.Freeze(state);

    /// <summary>Like <see cref="Build"/>, but returns the errors instead of throwing.</summary>
    /// <param name="errors">Every error found; empty on success.</param>
    /// <returns>The spec, or null when invalid.</returns>
    public ExperimentSpec? TryBuild(out IReadOnlyList<SpecError> errors) => HwDsl.TryBuild.Run(Build, out errors);

    private ExperimentBuilder Copy() => new(state.Clone());
}
