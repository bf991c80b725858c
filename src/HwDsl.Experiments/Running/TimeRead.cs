namespace HwDsl.Experiments;

/// <summary>One read time of <c>OverTime(...)</c>: the test accuracy of every programmed sample read <see cref="Seconds"/>
/// after programming, with or without global drift compensation.</summary>
/// <param name="Seconds">Read time after programming.</param>
/// <param name="Compensated">True with global drift compensation.</param>
/// <param name="Accuracies">One accuracy per programmed sample, in sample order.</param>
public sealed record TimeRead(double Seconds, bool Compensated, IReadOnlyList<double> Accuracies)
{
    /// <summary>Mean accuracy over samples.</summary>
    public double Mean => Accuracies.Count == 0 ? double.NaN : Accuracies.Average();

    /// <summary>Sample standard deviation over samples (0 for one).</summary>
    public double Sd => Accuracies.Count < 2 ? 0 : Math.Sqrt(Accuracies.Sum(a => (a - Mean) * (a - Mean)) / (Accuracies.Count - 1));
}
