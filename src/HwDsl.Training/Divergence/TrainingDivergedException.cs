namespace HwDsl.Training;

/// <summary>
/// Training stopped because a value stopped being a finite number: the loss of a mini-batch, a parameter's gradient, or a
/// parameter after the optimizer's update. <see cref="Epoch"/> and <see cref="Batch"/> are 0-based; the message counts
/// from 1, as the progress lines do.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for a non-finite <paramref name="tensor"/> at (<paramref name="epoch"/>, <paramref name="batch"/>).</summary>
    public TrainingDivergedException(int epoch, int epochs, int batch, int batches, string tensor, string problem, double learningRate)
        : base($"training diverged at epoch {epoch + 1}/{epochs}, batch {batch + 1}/{batches}: {problem} " +
               $"(learning rate {learningRate.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}); lower the learning rate, or check the data and the initialisation.")
    {
        (Epoch, Batch, Tensor, Problem) = (epoch, batch, tensor, problem);
    }

    /// <summary>The 0-based epoch.</summary>
    public int Epoch { get; }

    /// <summary>The 0-based mini-batch within <see cref="Epoch"/>.</summary>
    public int Batch { get; }

    /// <summary>What was not finite: <c>loss</c>, or a parameter such as <c>dense layer 2 weights (256×256)</c>.</summary>
    public string Tensor { get; }

    /// <summary>The problem in words, e.g. <c>the loss is NaN</c>.</summary>
    public string Problem { get; }
}
