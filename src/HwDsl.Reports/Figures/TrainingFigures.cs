namespace HwDsl.Reports;

/// <summary>Per-epoch curves from metrics.csv: loss, accuracy (train and test), β and the learning rate, one series per run.</summary>
internal static class TrainingFigures
{
    public static IEnumerable<Figure> For(IReadOnlyList<RunData> runs)
    {
        var trained = runs.Where(r => r.Metrics is { Rows.Count: > 0 } && r.Results.GetValueOrDefault("trained_here") is not false).ToList();
        if (trained.Count == 0) yield break;
        var both = trained.Count == 1;   // one run: train and test side by side; several: test only, one colour per run

        var loss = new Chart("training-loss", "Loss per epoch", "epoch", "cross-entropy loss");
        var accuracy = new Chart("training-accuracy", "Accuracy per epoch", "epoch", "accuracy (%)");
        for (var i = 0; i < trained.Count; i++)
        {
            var m = trained[i].Metrics!;
            var epochs = m.Numbers("epoch");
            var label = both ? "" : trained[i].Name;
            loss.Line(epochs, m.Numbers("test_loss"), both ? "test" : label, i);
            accuracy.Line(epochs, [.. m.Numbers("test_accuracy").Select(a => 100 * a)], both ? "test" : label, i);
            if (!both) continue;
            loss.Line(epochs, m.Numbers("train_loss"), "train", 1, secondary: true);
            accuracy.Line(epochs, [.. m.Numbers("train_accuracy").Select(a => 100 * a)], "train", 1, secondary: true);
        }
        var lastEpoch = (int)trained.SelectMany(r => r.Metrics!.Numbers("epoch")).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        loss.WholeNumberTicksX(lastEpoch);
        accuracy.WholeNumberTicksX(lastEpoch);
        var what = both ? "training (thin line, over the epoch's batches) and test (after the epoch)" : "test set after each epoch, one line per run";
        yield return loss.Render($"Softmax cross-entropy: {what}.");
        yield return accuracy.Render($"Classification accuracy: {what}. Hardware-aware runs are tested as deployed without noise.");

        var relaxed = trained.Where(r => r.Metrics!.Numbers("beta").Any(double.IsFinite)).ToList();
        if (relaxed.Count > 0)
        {
            var beta = new Chart("beta", "Relaxation sharpness β", "epoch", "β");
            for (var i = 0; i < relaxed.Count; i++) beta.Line(relaxed[i].Metrics!.Numbers("epoch"), relaxed[i].Metrics!.Numbers("beta"), relaxed[i].Name, trained.IndexOf(relaxed[i]));
            beta.WholeNumberTicksX(lastEpoch);
            yield return beta.Render("β of the sigmoid relaxation, annealed geometrically over the epochs (absent for float, naive-mapping and STE runs).");
        }

        var lr = new Chart("learning-rate", "Learning rate", "epoch", "learning rate");
        for (var i = 0; i < trained.Count; i++)
        {
            var m = trained[i].Metrics!;
            lr.Line(m.Numbers("epoch"), m.Numbers(m.Has("learning_rate") ? "learning_rate" : "lr"), trained[i].Name, i);
        }
        lr.WholeNumberTicksX(lastEpoch);
        yield return lr.Render("The learning rate each epoch trained with (the schedule).");
    }
}
