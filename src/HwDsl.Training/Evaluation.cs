using HwDsl.Autodiff;
using HwDsl.Data;

namespace HwDsl.Training;

/// <summary>Mean loss and accuracy of a model over a data split, in batches, with nothing recorded for backprop.</summary>
public static class Evaluation
{
    /// <summary>Returns (mean cross-entropy, fraction correct) over all of <paramref name="split"/>.</summary>
    public static (double Loss, double Accuracy) Run(ILayer<float> model, DataSplit split, Tape<float> tape, int batchSize = 1000)
    {
        var wasRecording = tape.Recording;
        tape.Recording = false;
        try
        {
            double loss = 0;
            long correct = 0;
            for (var start = 0; start < split.Count; start += batchSize)
            {
                var rows = Math.Min(batchSize, split.Count - start);
                var x = tape.Input(split.Features.AsSpan(start * split.FeatureCount, rows * split.FeatureCount), rows, split.FeatureCount);
                var l = tape.SoftmaxCrossEntropy(model.Forward(tape, x), split.Labels.AsSpan(start, rows), out var c);
                loss += l.Values[0] * rows;
                correct += c;
                tape.Reset();
            }
            return (loss / split.Count, (double)correct / split.Count);
        }
        finally
        {
            tape.Recording = wasRecording;
        }
    }
}
