using System.Runtime.CompilerServices;

namespace HwDsl;

/// <summary>
/// Training of a core network: <c>t =&gt; t.LearnedBinary().Adam(1e-3).Epochs(20).Batch(100)</c>.
/// Defaults: learned binary, Adam 1e-3, 10 epochs, batch 100, smoothing σ₀ = 1, readout scale 1.
/// </summary>
public sealed class CoreTrainingBuilder : TrainingScope
{
    internal CoreTrainingBuilder() : base(new SettingBag()) { }

    /// <summary>The probabilistic baseline (Esser et al. 2015): trained connection probabilities, sampled crossbars.</summary>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreTrainingBuilder Probabilistic([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(CoreKey.Method, CoreTrainingMethod.Probabilistic, file, line);

    /// <summary>The learned binary crossbar (Jimeno Yepes &amp; Tang 2016): shadow weights binarized at 0.5, straight-through gradient.</summary>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreTrainingBuilder LearnedBinary([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(CoreKey.Method, CoreTrainingMethod.LearnedBinary, file, line);

    /// <summary>σ₀ of the Gaussian spike approximation, finite and &gt; 0 (HW0612).</summary>
    /// <param name="sigma">σ₀ in units of one synaptic event.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreTrainingBuilder Smoothing(double sigma, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(CoreKey.Smoothing, sigma, file, line);

    /// <summary>Logit scale of the class sums in training, finite and &gt; 0 (HW0612).</summary>
    /// <param name="scale">Scale.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreTrainingBuilder ReadoutScale(double scale, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(CoreKey.ReadoutScale, scale, file, line);

    /// <summary>Hidden layers spike deterministically in the forward pass, as deployed, with the Gaussian gradient as a
    /// surrogate (default for learned binary crossbars; refused for the probabilistic baseline, HW0612).</summary>
    /// <param name="hard">True for hard hidden spikes, false for spike probabilities.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreTrainingBuilder HardHiddenSpikes(bool hard = true, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(CoreKey.HardHidden, hard, file, line);

    /// <summary>The output layer spikes deterministically in the forward pass too, so the loss is taken on the class
    /// counts the deployed cores produce (the Gaussian gradient stays as a surrogate). Default for learned binary crossbars
    /// (with hard hidden spikes, the forward pass is then what the chip computes); refused for the probabilistic baseline (HW0612).</summary>
    /// <param name="hard">True for hard output spikes, false for spike probabilities.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreTrainingBuilder HardOutputSpikes(bool hard = true, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(CoreKey.HardOutput, hard, file, line);

    /// <summary>Translates every training image by a random (dx, dy) in [−pixels, pixels]² each time it is seen (uncovered
    /// pixels 0); test images are not shifted. 0..8 pixels (HW0611); 0, the default, trains on the images as they are.</summary>
    /// <param name="pixels">Largest shift in either direction.</param>
    /// <param name="file">Caller file (filled in by the compiler).</param>
    /// <param name="line">Caller line (filled in by the compiler).</param>
    public CoreTrainingBuilder Shift(int pixels, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Set(CoreKey.Shift, pixels, file, line);

    internal CoreTrainingBuilder Clone()
    {
        var c = new CoreTrainingBuilder();
        foreach (var (k, v) in Settings.All) c.Settings.Copy(k, v);
        return c;
    }

    private CoreTrainingBuilder Set<TValue>(SettingKey<TValue> key, TValue value, string file, int line)
    {
        Settings.Set(key, value, file, line);
        return this;
    }
}
