using System.Globalization;
using HwDsl.Autodiff;
using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>
/// The deployed part of an evaluation over programmed samples: one read per sample at the spec's read time, or — with
/// <c>OverTime(...)</c> — each sample programmed once (its programming draws fixed by seed and sample) and read at every
/// time with its own read noise, with and without global drift compensation (the reference read right after programming,
/// t = 0). ADC saturations are counted over every deployed pass.
/// </summary>
internal static class DeployedEvaluation
{
    /// <summary>What the deployed samples gave.</summary>
    internal sealed record Outcome(List<double> Deployed, IReadOnlyList<LayerSaturation> Saturation, IReadOnlyList<TimeRead> OverTime);

    /// <summary>The calibration batch of periphery stages calibrated from data: the first training rows.</summary>
    internal static DataSplit CalibrationBatch(DataSplit train)
    {
        var rows = Math.Min(CalibratedAdcRange.CalibrationRows, train.Count);
        return new DataSplit(train.Features.AsSpan(0, rows * train.FeatureCount).ToArray(), train.Labels.AsSpan(0, rows).ToArray(), train.FeatureCount, train.ClassCount);
    }

    /// <summary>Deploys <paramref name="network"/> for every sample of <paramref name="spec"/> and evaluates it on <paramref name="test"/>.
    /// The headline accuracy per sample is the first read (compensated when the spec asks for compensation);
    /// <paramref name="programmed"/> is called with the sample index right after each sample is programmed.</summary>
    internal static Outcome Run(ExperimentSpec spec, CompiledNetwork network, DataSplit test, Tape<float> tape, Action<int>? programmed = null)
    {
        var e = spec.Evaluation;
        var noisy = network.IsNoisy;
        var deployed = new List<double>();
        var times = e.Times;
        var reads = times.SelectMany(t => new[] { (t, false), (t, true) }).Select(r => (r.t, r.Item2, Accuracies: new List<double>())).ToList();
        network.ResetSaturation();
        try
        {
            for (var sample = 0; sample < e.Samples; sample++)
            {
                if (times.Count == 0 && !e.DriftCompensation)
                {
                    network.Deploy(spec.Seed, sample, noisy, e.ReadSeconds);
                    programmed?.Invoke(sample);
                    deployed.Add(Accuracy(network, test, tape, compensated: false));
                    continue;
                }
                network.Deploy(spec.Seed, sample, noisy, seconds: 0, read: 0);
                programmed?.Invoke(sample);
                network.CaptureDriftReference();
                if (times.Count == 0)
                {
                    network.Deploy(spec.Seed, sample, noisy, e.ReadSeconds, read: 1);
                    deployed.Add(Accuracy(network, test, tape, compensated: true));
                    continue;
                }
                for (var k = 0; k < times.Count; k++)
                {
                    network.Deploy(spec.Seed, sample, noisy, times[k], read: k + 1);
                    var plain = Accuracy(network, test, tape, compensated: false);
                    var compensated = Accuracy(network, test, tape, compensated: true);
                    reads[2 * k].Accuracies.Add(plain);
                    reads[2 * k + 1].Accuracies.Add(compensated);
                    if (k == 0) deployed.Add(e.DriftCompensation ? compensated : plain);
                }
            }
        }
        finally
        {
            network.DriftCompensation = false;
        }
        return new Outcome(deployed, network.Saturation, [.. reads.Select(r => new TimeRead(r.t, r.Item2, r.Accuracies))]);
    }

    /// <summary>over_time.csv and saturation.csv in the run folder, when the result has them.</summary>
    internal static void Write(RunFolder run, ExperimentResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        if (result.OverTime.Count > 0)
            run.WriteCsv("over_time.csv", ["seconds", "compensated", "mean", "sd", "samples", "accuracies"],
                result.OverTime.Select(r => (IReadOnlyList<object?>)[r.Seconds, r.Compensated, r.Mean, r.Sd, r.Accuracies.Count,
                    string.Join(";", r.Accuracies.Select(a => a.ToString("R", inv)))]));
        if (result.Saturation.Count > 0)
            run.WriteCsv("saturation.csv", ["layer", "saturated", "converted", "fraction"],
                result.Saturation.Select(s => (IReadOnlyList<object?>)[s.Layer, s.Saturated, s.Converted, s.Fraction]));
    }

    private static double Accuracy(CompiledNetwork network, DataSplit test, Tape<float> tape, bool compensated)
    {
        network.Phase = NetworkPhase.Deployed;
        network.DriftCompensation = compensated;
        return Evaluation.Run(network, test, tape).Accuracy;
    }
}
