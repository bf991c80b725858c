using HwDsl.Compiler;
using HwDsl.Experiments;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Experiments.Tests;

/// <summary>Issue 18: a stopped run continues from its last finished epoch and ends bit-identical to an uninterrupted one.</summary>
public sealed class ResumeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hwdsl-resume-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private static ScriptInvocation Invocation(string id, string output) => new(id, "/x/script.csx", "sha", new Dictionary<string, string>(), false, [], 1, output);

    public static TheoryData<string> Specs => ["hardware-aware", "statistics-aware"];

    private static ExperimentSpec[] Script(string kind) => kind == "hardware-aware"
        ?
        [
            Experiment.Named("aware").Seed(5).Data(TestBlobs.Ref).Network(n => n.Dense(16).ClippedRelu().Dense(TestBlobs.Classes))
                .On(Hardware.DifferentialPair().WeightBits(3).ActivationBits(4).OnOffRatio(10).Asymmetry(0.1).ProgrammingNoise(0.03))
                .Train(t => t.Adam(1e-2).Epochs(4).Batch(20).HardwareAware(Relaxation.Sigmoid(2, 50))).Evaluate(e => e.Deployed(samples: 3)).Build(),
            Experiment.Named("float").Seed(6).Data(TestBlobs.Ref).Network(n => n.Dense(16).ClippedRelu().Dense(TestBlobs.Classes))
                .On(Hardware.DifferentialPair()).Train(t => t.Float().Sgd(0.05).Epochs(3).Batch(30)).Build(),
        ]
        :
        [
            Experiment.Named("stat-aware").Seed(2).Data(TestBlobs.Ref).Network(n => n.Dense(16).Sign().Dense(TestBlobs.Classes))
                .On(Hardware.Binary().OnOffRatio(2.5).Defects(d => d.Shorted(Dist.Beta(0.15, 0.05)).Open(0.05)).DeviceToDevice(0.05))
                .Train(t => t.Adam(1e-2).Epochs(4).Batch(20).StatisticsAware(everyBatches: 3)).Evaluate(e => e.OnDies(Dies.Sample(3, seed: 1))).Build(),
        ];

    private static float[] Weights(CompiledNetwork n) => [.. n.Parameters.SelectMany(p => p.Values.ToArray())];

    /// <summary>Runs the "script": every spec in order, as a script's Run calls would, stopping when cancelled.</summary>
    private static List<(ExperimentResult Result, float[] Weights)> Invoke(ExperimentSpec[] specs, ExperimentOptions options)
    {
        var results = new List<(ExperimentResult, float[])>();
        foreach (var spec in specs)
        {
            var result = ExperimentRunner.Run(spec, options, out var network);
            results.Add((result, Weights(network)));
            if (options.Cancel.IsCancellationRequested) break;
        }
        return results;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_run_stopped_after_an_epoch_and_resumed_ends_bit_identical(string kind)
    {
        var specs = Script(kind);
        var data = TestBlobs.Create();
        var (a, b) = (Path.Combine(_root, "a"), Path.Combine(_root, "b"));
        ExperimentOptions Options(string root, ScriptInvocation inv) => new() { RunRoot = root, Data = data, Pool = new MacPool(2), Invocation = inv };

        var uninterrupted = Invoke(specs, Options(a, Invocation("A", a)));

        using var cancel = new CancellationTokenSource();
        var stopped = Invoke(specs, Options(b, Invocation("B", b)) with { Cancel = cancel.Token, Observer = new RunStatusTests.CancelAfterEpoch(cancel, after: 2) });
        Assert.Single(stopped);
        Assert.False(stopped[0].Result.Training.Completed);
        Assert.Equal(2, CheckpointFile.Read(stopped[0].Result.RunFolder)!.Value.Checkpoint.EpochsDone);

        var epochs = new EpochCounter();
        var resumed = Invoke(specs, Options(b, Invocation("B", b)) with { Resume = ResumeSource.Of(b, "B"), Observer = epochs });
        Assert.Equal(stopped[0].Result.RunFolder, resumed[0].Result.RunFolder);   // continued in place
        Assert.Equal(specs[0].Training.Epochs - 2 + specs.Skip(1).Sum(s => s.Training.Epochs), epochs.Count);
        for (var i = 0; i < specs.Length; i++)
        {
            Assert.Equal(uninterrupted[i].Weights, resumed[i].Weights);
            Assert.Equal(uninterrupted[i].Result.Deployed, resumed[i].Result.Deployed);
            Assert.Equal(uninterrupted[i].Result.FloatAccuracy, resumed[i].Result.FloatAccuracy);
            var (compared, differences) = RunComparison.Compare(uninterrupted[i].Result.RunFolder, resumed[i].Result.RunFolder);
            Assert.Empty(differences);
            Assert.True(compared > 10, $"{compared} values compared");
            Assert.Equal(RunStatus.Completed, RunInfo.Read(resumed[i].Result.RunFolder)!.State);
        }

        // Resumed once more, every run is finished: restored from its last checkpoint without training an epoch, same numbers.
        var again = new EpochCounter();
        var restored = Invoke(specs, Options(b, Invocation("B", b)) with { Resume = ResumeSource.Of(b, "B"), Observer = again });
        Assert.Equal(0, again.Count);
        Assert.Equal(uninterrupted.Select(u => u.Weights), restored.Select(r => r.Weights));
        Assert.Equal(uninterrupted.Select(u => u.Result.Deployed), restored.Select(r => r.Result.Deployed));
    }

    [Fact]
    public void A_core_run_stopped_mid_training_resumes_bit_identical_and_records_its_status()
    {
        var spec = HwDsl.Cores.Experiment("cores").Seed(0).Data(Datasets.Mnist)
            .Network(n => n.Windows(16, stride: 12).Layer(16).Layer(250, fanIn: 4).Readout(perClass: 25))
            .Train(t => t.LearnedBinary().Adam(1e-2).Epochs(2).Batch(50)).Ensembles([1, 2]).Build();
        var data = HwDsl.Compiler.Tests.MnistSubset.Take(1000, 300);
        var (a, b) = (Path.Combine(_root, "ca"), Path.Combine(_root, "cb"));
        ExperimentOptions Options(string root, ScriptInvocation inv) => new() { RunRoot = root, Data = data, Pool = new MacPool(2), Invocation = inv };

        var uninterrupted = CoreExperimentRunner.Run(spec, Options(a, Invocation("CA", a)));
        Assert.Equal(RunStatus.Completed, RunInfo.Read(uninterrupted.RunFolder)!.State);

        using var cancel = new CancellationTokenSource();
        var stopped = CoreExperimentRunner.Run(spec, Options(b, Invocation("CB", b)) with { Cancel = cancel.Token, Observer = new RunStatusTests.CancelAfterEpoch(cancel, after: 1) });
        Assert.False(stopped.Completed);
        Assert.Equal(RunStatus.Cancelled, RunInfo.Read(stopped.RunFolder)!.State);

        // Cancelled in member 1's second epoch; resumed, member 1 continues from epoch 1 and member 2 trains afresh.
        var resumed = CoreExperimentRunner.Run(spec, Options(b, Invocation("CB", b)) with { Resume = ResumeSource.Of(b, "CB") });
        Assert.Equal(stopped.RunFolder, resumed.RunFolder);
        Assert.Equal(uninterrupted.Single, resumed.Single);
        Assert.Equal(uninterrupted.TrainedModelAccuracy, resumed.TrainedModelAccuracy);
        Assert.Equal(uninterrupted.Ensembles, resumed.Ensembles);
        Assert.Equal(RunStatus.Completed, RunInfo.Read(resumed.RunFolder)!.State);
        Assert.True(File.Exists(Path.Combine(resumed.RunFolder, "checkpoint-member2.bin")));
    }

    [Fact]
    public void A_resume_into_a_different_experiment_is_refused()
    {
        var data = TestBlobs.Create();
        var specs = Script("hardware-aware");
        var dir = Path.Combine(_root, "c");
        ExperimentRunner.Run(specs[0], new ExperimentOptions { RunRoot = dir, Data = data, Invocation = Invocation("C", dir) });
        var e = Assert.Throws<RunException>(() => ExperimentRunner.Run(specs[1],
            new ExperimentOptions { RunRoot = dir, Data = data, Invocation = Invocation("C", dir), Resume = ResumeSource.Of(dir, "C") }));
        Assert.Contains("run 0 of the script is now a different experiment ('float', spec.txt differs)", e.Message);
    }

    [Fact]
    public void A_damaged_checkpoint_is_refused_with_what_to_do()
    {
        var dir = Path.Combine(_root, "d");
        var result = ExperimentRunner.Run(Script("hardware-aware")[1], new ExperimentOptions { RunRoot = dir, Data = TestBlobs.Create() });
        var file = Path.Combine(result.RunFolder, CheckpointFile.Name);
        var bytes = File.ReadAllBytes(file);
        bytes[20] ^= 1;
        File.WriteAllBytes(file, bytes);
        var e = Assert.Throws<RunException>(() => CheckpointFile.Read(result.RunFolder));
        Assert.Contains("the checkpoint is damaged (its checksum does not match); delete it", e.Message);
    }

    private sealed class EpochCounter : ITrainingObserver
    {
        public int Count { get; private set; }
        public void OnBatch(int epoch, int batch, int batches, double runningLoss) { }
        public void OnEpoch(EpochMetrics metrics) => Count++;
    }
}
