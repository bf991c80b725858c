namespace HwDsl.Compiler;

/// <summary>What one deployed core network produced on a split: class spike counts per image and the activity.</summary>
/// <param name="Images">Number of images.</param>
/// <param name="Classes">Number of classes.</param>
/// <param name="Counts">Spike counts, images×classes, summed over ticks.</param>
/// <param name="Labels">The true labels.</param>
/// <param name="Activity">Total activity over all images and ticks.</param>
/// <param name="Cores">Cores the network occupies.</param>
public sealed record CoreEvaluation(int Images, int Classes, int[] Counts, int[] Labels, CoreActivity Activity, int Cores)
{
    /// <summary>Accuracy of the ensemble of <paramref name="members"/>: counts summed, the largest wins (ties to the lower class).</summary>
    public static double Accuracy(IReadOnlyList<CoreEvaluation> members)
    {
        var first = members[0];
        var correct = 0;
        var sum = new int[first.Classes];
        for (var image = 0; image < first.Images; image++)
        {
            Array.Clear(sum);
            foreach (var m in members)
                for (var c = 0; c < sum.Length; c++) sum[c] += m.Counts[image * first.Classes + c];
            var best = 0;
            for (var c = 1; c < sum.Length; c++) if (sum[c] > sum[best]) best = c;
            if (best == first.Labels[image]) correct++;
        }
        return (double)correct / first.Images;
    }
}
