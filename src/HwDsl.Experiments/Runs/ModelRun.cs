using HwDsl.Data;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>
/// A run folder for training that has no experiment spec (<c>hwdsl train</c>'s float MLP): <c>spec.txt</c> (the
/// description), <c>run.json</c>, <c>metrics.csv</c> per epoch, <c>results.json</c> / <c>results.csv</c> in the
/// <see cref="RunResults"/> schema and <c>weights.npz</c>, like every other run.
/// </summary>
public sealed class ModelRun
{
    private readonly RunFolder _run;
    private readonly string _name;
    private readonly Dataset _data;
    private readonly Dictionary<string, object?> _record;

    private ModelRun(RunFolder run, string name, Dataset data, Dictionary<string, object?> record)
    {
        _run = run;
        _name = name;
        _data = data;
        _record = record;
    }

    /// <summary>The folder.</summary>
    public string Path => _run.Path;

    /// <summary>Creates the folder under <paramref name="root"/> (<see cref="RunFolder.DefaultRoot"/> when null) and writes its description and record.</summary>
    public static ModelRun Start(string name, string description, Dataset data, int seed, int threads, string model, string? root = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var run = RunFolder.Create(name, root);
        run.WriteText("spec.txt", description + "\n");
        // The same fields, in the same order, as an experiment's run.json.
        var record = new Dictionary<string, object?>
        {
            ["status"] = "running",
            ["updated"] = "",
            ["name"] = name,
            ["seed"] = seed,
            ["mode"] = "float",
            ["threads"] = threads,
            ["data"] = new { name = data.Name, checksum = data.Checksum, files = data.Files.Select(f => new { f.Role, f.Sha256, f.Path }) },
            ["versions"] = new
            {
                hwdsl = typeof(ModelRun).Assembly.GetName().Version?.ToString(),
                dotnet = Environment.Version.ToString(),
                mac_core = Kernels.Gemm.Describe(),
            },
            ["network"] = model,
        };
        var started = new ModelRun(run, name, data, record);
        started.WriteRecord("running");
        return started;
    }

    /// <summary>Records each epoch in <c>metrics.csv</c> and passes progress on to <paramref name="inner"/>.</summary>
    public ITrainingObserver Observer(ITrainingObserver? inner) => new MetricsWriter(_run, null, inner, _name);

    /// <summary>Writes the results and the trained weights of <paramref name="model"/>, and the final status.</summary>
    public void Finish(TrainingResult result, ILayer<float> model, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var layers = model is Sequential<float> s ? s.Layers : [model];
        RunExports.WriteWeights(_run, RunExports.DenseLayers(layers));
        var (optimizer, momentum, decay) = options.Optimizer switch
        {
            SgdSpec sgd => ("sgd", sgd.Momentum, sgd.WeightDecay),
            AdamSpec { Decoupled: true } a => ("adam_w", 0, a.WeightDecay),
            AdamSpec a => ("adam", 0.0, a.WeightDecay),
            var other => (other.GetType().Name, 0.0, 0.0),
        };
        var accuracy = result.TestAccuracy;
        var row = new RunResults(_name, result.Completed ? "completed" : "cancelled", false, "float", "none", null, null, "nearest",
            options.Seed, _data.Name, _data.Train.Count, _data.Test.Count,
            accuracy, accuracy, null, null, 0, "none", 0, accuracy,
            optimizer, options.Optimizer.LearningRate, momentum, decay, options.Schedule.ToString()!.Split(':')[0], options.Epochs,
            result.Epochs.Count, options.BatchSize, result.Epochs.Sum(e => e.TrainTime.TotalSeconds),
            double.IsFinite(result.SamplesPerSecond) ? result.SamplesPerSecond : null, true);
        RunOutputs.WriteResults(_run, row);
        WriteRecord(result.Completed ? "completed" : "cancelled");
    }

    private void WriteRecord(string status)
    {
        _record["status"] = status;
        _record["updated"] = DateTime.UtcNow.ToString("O");
        _run.WriteJson("run.json", _record);
    }
}
