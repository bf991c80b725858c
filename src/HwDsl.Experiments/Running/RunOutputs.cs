using HwDsl.Compiler;
using HwDsl.Data;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>
/// The files a run folder gets at its start (<c>spec.txt</c>, <c>run.json</c>) and its end (<c>results.json</c> /
/// <c>results.csv</c> in the <see cref="RunResults"/> schema, the exports, <c>run.json</c>'s final status), shared by
/// trained runs (whose start, resume and failures <see cref="RunSession"/> handles) and naive mappings, so every row a
/// script prints has its folder.
/// </summary>
internal static class RunOutputs
{
    public static (RunFolder Run, RunRecord Record) Open(ExperimentSpec spec, Dataset data, CompiledNetwork network, ExperimentOptions options, int threads)
    {
        var run = CreateFolder(spec, options);
        // No invocation: a naive mapping is not trained, so it is neither resumed nor replayed by ordinal.
        var record = new RunRecord(spec, data, network, threads, null, null);
        Begin(run, record, network.Bound.DebugView());
        return (run, record);
    }

    /// <summary>A new folder under the run root, named after the experiment, and the log line that says where.</summary>
    public static RunFolder CreateFolder(ExperimentSpec spec, ExperimentOptions options)
    {
        var run = RunFolder.Create(spec.Name, options.RunRoot);
        options.Log?.Invoke($"run folder: {run.Path}");
        return run;
    }

    /// <summary>Every run folder's first two files: spec.txt (what runs, with the devices' own values) and run.json as running.</summary>
    public static void Begin(RunFolder run, RunRecord record, string specText)
    {
        run.WriteText("spec.txt", specText);
        run.WriteJson("run.json", record.With(RunStatus.Running));
    }

    public static ExperimentResult Close(RunFolder run, RunRecord record, ExperimentSpec spec, Dataset data, ExperimentResult result,
        RunExports exports, ExperimentOptions options, double? floatBaseline, bool trainedHere)
    {
        result = result with { SmokeTest = options.SmokeTest };
        WriteResults(run, RunResults.From(spec, data, result, floatBaseline, trainedHere));
        CostFile.Write(run, result.Cost);
        exports.WriteDeployed();
        exports.WriteDies(spec);
        run.WriteJson("run.json", record.With(result.Training.Completed ? RunStatus.Completed : RunStatus.Cancelled));
        options.Recorded?.Invoke(result);
        return result;
    }

    /// <summary>metrics.csv of weights trained elsewhere (a naive mapping shows the float run's curves; β does not apply).</summary>
    public static void CopyMetrics(RunFolder run, TrainingResult training)
    {
        var writer = new MetricsWriter(run, null, null);
        foreach (var m in training.Epochs) writer.OnEpoch(m);
    }

    /// <summary>results.json (a one-row array) and results.csv with exactly its columns, in the same order and spelling.</summary>
    public static void WriteResults(RunFolder run, RunResults row)
    {
        run.WriteJson("results.json", new[] { row });
        const string file = "results.csv";
        using var doc = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(row, RunFolder.JsonOptions));
        var properties = doc.RootElement.EnumerateObject().ToList();
        run.WriteCsv(file, [.. properties.Select(p => p.Name)], [[.. properties.Select(p => (object?)(p.Value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Null => null,
            System.Text.Json.JsonValueKind.String => p.Value.GetString(),
            System.Text.Json.JsonValueKind.True => "true",
            System.Text.Json.JsonValueKind.False => "false",
            _ => p.Value.GetRawText(),
        }))]]);
    }
}
