using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>An experiment with a name and data; next give its network with <see cref="Network"/>.</summary>
public sealed class ExperimentNeedsNetwork
{
    private readonly ExperimentState state;

    internal ExperimentNeedsNetwork(ExperimentState state) => this.state = state;

    /// <summary>Random seed (weights, batches, noise draws). Default 0.</summary>
    /// <param name="seed">Seed.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public ExperimentNeedsNetwork Seed(int seed, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        state.Seed = new Setting<int>(seed, Provenance.Explicit(file, line));
        return this;
    }

    /// <summary>The network, e.g. <c>n =&gt; n.Dense(256).ClippedRelu().Dense(10)</c>; the input size comes from the data set.</summary>
    /// <param name="network">Describes the layers.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public ExperimentBuilder Network(Action<NetworkBuilder> network, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(network);
        var n = new NetworkBuilder();
        network(n);
        state.Network = n;
        state.NetworkWhere = Provenance.Explicit(file, line);
        return new ExperimentBuilder(state);
    }
}
