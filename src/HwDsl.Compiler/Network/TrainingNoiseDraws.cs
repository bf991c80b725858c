namespace HwDsl.Compiler;

/// <summary>
/// The weight noise of noise-aware training (<see cref="TrainingNoise"/>): on every training pass, each weight's deviation
/// from its nearest level that one programming and read of the layer's device would give — its programming noise, drift
/// and read noise at <c>seconds</c> after programming, the description's σ and the device's own — scaled by the spec's
/// scale: n = scale·(deploy_noisy(W) − deploy_ideal(W)). Pass k draws from (seed, training stream, k, layer), so a run
/// replays and no pass repeats another's draw or a deployed sample's.
/// </summary>
internal sealed class TrainingNoiseDraws(TrainingNoise spec, int seed, double seconds)
{
    private const ulong Stream = 0x7EA1_4015E;
    private float[] _ideal = [], _noisy = [];
    private int _pass;

    /// <summary>Training passes drawn so far.</summary>
    internal int Passes => _pass;

    /// <summary>The deviations for the layer's current weights at w_max = <paramref name="range"/> (a fresh draw per call).</summary>
    internal float[] Draw(HardwareDenseLayer layer, float range)
    {
        var w = layer.Weights.Values;
        if (_ideal.Length != w.Length) (_ideal, _noisy) = (new float[w.Length], new float[w.Length]);
        var h = layer.Hardware;
        layer.Levels.Deploy(w, range, _ideal, DeployNoise.None);
        layer.Levels.Deploy(w, range, _noisy, new DeployNoise(h.ProgrammingSigma, h.ReadSigma, (ulong)seed ^ Stream, _pass++, h.Index)
        {
            Seconds = seconds,
            Intrinsic = layer.Levels.HasIntrinsicNoise,
        });
        var scale = (float)spec.Scale;
        for (var i = 0; i < w.Length; i++) _noisy[i] = scale * (_noisy[i] - _ideal[i]);
        return _noisy;
    }
}
