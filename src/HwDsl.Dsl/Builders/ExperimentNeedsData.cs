using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>An experiment with a name; next give its data set with <see cref="Data"/>.</summary>
public sealed class ExperimentNeedsData
{
    private readonly ExperimentState state;

    internal ExperimentNeedsData(ExperimentState state) => this.state = state;

    /// <summary>Random seed (weights, batches, noise draws). Default 0.</summary>
    /// <param name="seed">Seed.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public ExperimentNeedsData Seed(int seed, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        state.Seed = new Setting<int>(seed, Provenance.Explicit(file, line));
        return this;
    }

    /// <summary>The data set, e.g. <see cref="Datasets.Mnist"/>.</summary>
    /// <param name="data">Data set.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public ExperimentNeedsNetwork Data(DatasetRef data, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        state.Data = new Setting<DatasetRef>(data, Provenance.Explicit(file, line));
        return new ExperimentNeedsNetwork(state);
    }
}
