using System.Globalization;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>How long a Monte-Carlo evaluation over dies took, beside plain passes of the same network on ideal devices.</summary>
/// <param name="Dies">Dies evaluated.</param>
/// <param name="Images">Test images per die.</param>
/// <param name="Seconds">Wall time of the evaluation over all dies (die sampling included).</param>
/// <param name="PlainSeconds">Wall time of as many plain evaluations on ideal devices.</param>
public sealed record DieEvaluationTiming(int Dies, int Images, double Seconds, double PlainSeconds)
{
    /// <summary>Die-images per second.</summary>
    public double ImagesPerSecond => Dies * (double)Images / Seconds;

    /// <summary>Cost of the dies against plain passes.</summary>
    public double Overhead => Seconds / PlainSeconds;

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0} dies × {1:N0} images in {2:F2} s = {3:N0} images/s; plain passes {4:F2} s (×{5:F2})", Dies, Images, Seconds, ImagesPerSecond, PlainSeconds, Overhead);
}
