namespace HwDsl.Training;

/// <summary>How the learning rate changes over epochs: η(epoch) = η₀ · Factor(epoch, epochs).</summary>
public abstract record LearningRateSchedule
{
    /// <summary>The multiplier for 0-based <paramref name="epoch"/> of <paramref name="epochs"/>.</summary>
    public abstract double Factor(int epoch, int epochs);

    /// <summary>The same rate throughout.</summary>
    public static LearningRateSchedule Constant { get; } = new ConstantSchedule();

    /// <summary>Multiply by <paramref name="gamma"/> every <paramref name="every"/> epochs.</summary>
    public static LearningRateSchedule Step(double gamma, int every) => new StepSchedule(gamma, every);

    /// <summary>
    /// Cosine decay from 1 towards <paramref name="minFactor"/>: <c>min + (1 − min)·½(1 + cos(π·e/E))</c>. The curve reaches
    /// <paramref name="minFactor"/> one epoch after the last, so every epoch trains (with <c>e/(E − 1)</c> the last epoch
    /// ran at the minimum, i.e. at learning rate 0 by default, and <c>Epochs(2)</c> trained one epoch).
    /// </summary>
    public static LearningRateSchedule Cosine(double minFactor = 0) => new CosineSchedule(minFactor);

    /// <summary>Parses "constant", "step:GAMMA:EVERY" or "cosine[:MIN]", naming the bad part on error.</summary>
    public static LearningRateSchedule Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':');
        double Number(int i, string what) => i < parts.Length && double.TryParse(parts[i], System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v : throw new ArgumentException($"learning-rate schedule '{text}': {what} is missing or not a number.");
        return parts[0] switch
        {
            "constant" when parts.Length == 1 => Constant,
            "step" when parts.Length == 3 => Step(Number(1, "gamma"), (int)Number(2, "every")),
            "cosine" when parts.Length <= 2 => Cosine(parts.Length == 2 ? Number(1, "min factor") : 0),
            _ => throw new ArgumentException($"unknown learning-rate schedule '{text}'; allowed: constant, step:GAMMA:EVERY, cosine[:MIN]."),
        };
    }

    private sealed record ConstantSchedule : LearningRateSchedule
    {
        public override double Factor(int epoch, int epochs) => 1;
        public override string ToString() => "constant";
    }

    private sealed record StepSchedule : LearningRateSchedule
    {
        public StepSchedule(double gamma, int every)
        {
            if (!(gamma > 0 && gamma <= 1)) throw new ArgumentException($"step schedule gamma must be in (0, 1]; got {gamma}.");
            if (every < 1) throw new ArgumentException($"step schedule period must be at least 1 epoch; got {every}.");
            (Gamma, Every) = (gamma, every);
        }

        public double Gamma { get; }
        public int Every { get; }
        public override double Factor(int epoch, int epochs) => Math.Pow(Gamma, epoch / Every);
        public override string ToString() => $"step:{Gamma}:{Every}";
    }

    private sealed record CosineSchedule : LearningRateSchedule
    {
        public CosineSchedule(double minFactor)
        {
            if (!(minFactor >= 0 && minFactor <= 1)) throw new ArgumentException($"cosine schedule minimum factor must be in [0, 1]; got {minFactor}.");
            MinFactor = minFactor;
        }

        public double MinFactor { get; }
        public override double Factor(int epoch, int epochs)
            => epochs <= 1 ? 1 : MinFactor + (1 - MinFactor) * 0.5 * (1 + Math.Cos(Math.PI * epoch / epochs));
        public override string ToString() => $"cosine:{MinFactor}";
    }
}
