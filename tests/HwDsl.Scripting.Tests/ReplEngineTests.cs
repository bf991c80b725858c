using HwDsl.Compiler;
using HwDsl.Experiments;
using HwDsl.Scripting.Repl;

namespace HwDsl.Scripting.Tests;

/// <summary>The REPL engine without a terminal: completeness, chaining, chain restarts that keep the session, printing.</summary>
public sealed class ReplEngineTests
{
    private static (ReplEngine Engine, StringWriter Out) Create(int restartEvery = 0)
    {
        var writer = new StringWriter();
        var globals = new ScriptGlobals([], quick: true, Path.GetTempPath(), new ExperimentOptions(), writer: writer);
        return (new ReplEngine(globals, new CatalogPlugins(DeviceCatalog.Default), writer, restartEvery), writer);
    }

    [Theory]
    [InlineData("var x = 1;", true)]
    [InlineData("var hw = Hardware.DifferentialPair()", false)]   // a declaration waits for ';', so a chain can go on below
    [InlineData("Hardware.DifferentialPair()", true)]            // an expression is shown as it is
    [InlineData("var e = Experiment.Named(\"a\")\n    .Network(n => n", false)]
    [InlineData("if (true) {", false)]
    [InlineData("var s = \"\"\"\nopen", false)]
    [InlineData("#help", true)]
    public void A_submission_is_complete_only_when_nothing_is_open(string code, bool complete) =>
        Assert.Equal(complete, ReplEngine.IsComplete(code));

    [Fact]
    public async Task Restarting_the_chain_keeps_declarations_and_variables_and_runs_nothing_twice()
    {
        var (engine, output) = Create(restartEvery: 4);
        await engine.SubmitAsync("int Square(int v) => v * v;");
        await engine.SubmitAsync("var counter = 0; counter++;");
        await engine.SubmitAsync("var hw = Hardware.DifferentialPair().WeightBits(3);");
        await engine.SubmitAsync("record Pt(int X); var pt = new Pt(1);");   // 4th: the chain restarts after it
        Assert.Equal(1, engine.Restarts);
        Assert.Contains("note: variable pt was not carried over", output.ToString());
        output.GetStringBuilder().Clear();
        await engine.SubmitAsync("Square(counter) + new Pt(5).X");
        await engine.SubmitAsync("Experiment.Named(\"k\").Data(Datasets.Mnist).Network(n => n.Dense(10)).On(hw).Build().Layers[0].WeightBits");
        Assert.Equal(["6", "3"], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
    }

    [Fact]
    public async Task Values_print_readably_and_errors_name_the_submission()
    {
        var (engine, output) = Create();
        await engine.SubmitAsync("Experiment.Named(\"v\").Data(Datasets.Mnist).Network(n => n.Dense(10)).On(Hardware.DifferentialPair()).Build()");
        await engine.SubmitAsync("Hardware.DifferentialPair().WeightBits(0); Experiment.Named(\"v\").Data(Datasets.Mnist).Network(n => n.Dense(10)).On(Hardware.DifferentialPair().WeightBits(0)).Build();");
        await engine.SubmitAsync("\"text\"");
        await engine.SubmitAsync("#nosuch");
        Assert.False(await engine.SubmitAsync("#quit"));
        var text = output.ToString();
        Assert.Contains("Experiment \"v\"", text);
        Assert.Matches(@"repl\[2\]\(1\): error HW\d{4}: WeightBits", text);
        Assert.Contains("\"text\"", text);
        Assert.Contains("unknown directive #nosuch; known: #help, #plugins, #reload, #memory, #quit, #exit", text);
    }

    private sealed class CancelOnBatch(CancellationTokenSource source) : HwDsl.Training.ITrainingObserver
    {
        public void OnBatch(int epoch, int batch, int batches, double runningLoss)
        {
            if (batch == 5) source.Cancel();
        }

        public void OnEpoch(HwDsl.Training.EpochMetrics metrics) { }
    }

    [Fact]
    public async Task Cancelling_a_training_submission_returns_to_the_prompt_with_the_session_intact()
    {
        using var source = new CancellationTokenSource();
        var writer = new StringWriter();
        var runs = Path.Combine(Path.GetTempPath(), "hwdsl-repl-cancel-" + Guid.NewGuid().ToString("N"));
        var options = new ExperimentOptions { Observer = new CancelOnBatch(source), RunRoot = runs, Pool = new HwDsl.Kernels.MacPool(1) };
        var engine = new ReplEngine(new ScriptGlobals([], quick: true, runs, options, writer: writer), new CatalogPlugins(DeviceCatalog.Default), writer);
        try
        {
            await engine.SubmitAsync("var kept = 7;");
            await engine.SubmitAsync("Run(Experiment.Named(\"c\").Data(Datasets.Mnist).Network(n => n.Dense(10)).Train(t => t.Float().Epochs(50)).Build())", source.Token);
            await engine.SubmitAsync("kept * 6");
            var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
            Assert.Equal(["cancelled (what was written stays in the run folder).", "42"], lines);
            Assert.Contains("\"cancelled\"", File.ReadAllText(Path.Combine(Assert.Single(Directory.GetDirectories(runs)), "run.json")));
        }
        finally
        {
            Directory.Delete(runs, recursive: true);
        }
    }

    [Fact]
    public void Completion_offers_dsl_members_and_session_variables()
    {
        var (engine, _) = Create();
        IReadOnlyList<string> At(string line) => [.. engine.Completion.Complete(line, line.Length).Names];
        Assert.Contains("WeightBits", At("Hardware.DifferentialPair().Wei"));
        engine.Completion.Add("var myHardware = Hardware.DifferentialPair();");
        Assert.Contains("myHardware", At("myHa"));
        Assert.Contains("Deployed", At("Experiment.Named(\"a\").Data(Datasets.Mnist).Network(n => n.Dense(10)).Evaluate(e => e.Dep"));
    }

    [Fact]
    public void Completion_knows_the_periphery_and_time_vocabulary()
    {
        var (engine, _) = Create();
        IReadOnlyList<string> At(string line) => [.. engine.Completion.Complete(line, line.Length).Names];
        Assert.Contains("Adc", At("Hardware.DifferentialPair().Ad"));
        Assert.Contains("IrDrop", At("Hardware.DifferentialPair().Ir"));
        Assert.Contains("ReadNoisePerMvm", At("Hardware.DifferentialPair().ReadN"));
        Assert.Contains("Calibrated", At("AdcRange.Cal"));
        Assert.Contains("Dynamic", At("InputRange.Dyn"));
        var experiment = "Experiment.Named(\"a\").Data(Datasets.Mnist).Network(n => n.Dense(10))";
        Assert.Contains("NoiseAware", At(experiment + ".Train(t => t.Noi"));
        Assert.Contains("OverTime", At(experiment + ".Evaluate(e => e.Ove"));
        Assert.Contains("DriftCompensation", At(experiment + ".Evaluate(e => e.Dri"));
    }

    [Fact]
    public async Task Completion_keeps_seeing_the_session_after_a_bare_expression()
    {
        var (engine, _) = Create();
        await engine.SubmitAsync("var first = 1;");
        await engine.SubmitAsync("first + 1");            // printed, no ';': the next submissions must still be visible
        await engine.SubmitAsync("var second = Hardware.DifferentialPair();");
        Assert.Contains("second", engine.Completion.Complete("sec", 3).Names);
        Assert.Contains("WeightBits", engine.Completion.Complete("second.Wei", 10).Names);
    }

    [Fact]
    public void Completion_ranks_the_DSL_first_and_objects_members_last_with_kind_signature_and_summary()
    {
        var (engine, _) = Create();
        const string line = "Hardware.DifferentialPair().";
        var items = engine.Completion.Complete(line, line.Length).Items.ToList();
        var ranks = items.Select(i => i.Rank).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(["Equals", "GetHashCode", "GetType", "ToString"], items.Where(i => i.Rank == 3).Select(i => i.Name).Order());
        Assert.All(items.Where(i => i.Rank == 3), i => Assert.True(items.IndexOf(i) >= items.Count - 4));
        var bits = items.Single(i => i.Name == "WeightBits");
        Assert.Equal(1, bits.Rank);
        Assert.Equal("extension", bits.Kind);
        Assert.Equal("HardwareBuilder WeightBits(int bits)", bits.Signature);
        Assert.StartsWith("Bits per element", bits.Summary);
        // Capitals spell a name too.
        Assert.Contains("WeightBits", engine.Completion.Complete(line + "WB", line.Length + 2).Names);
    }

    [Fact]
    public void Parameter_help_names_the_call_the_parameter_being_typed_and_its_docs()
    {
        var (engine, _) = Create();
        var text = "Hardware.DifferentialPair().WeightBits(4).OnOffRatio(";
        var hint = engine.Completion.Signature(text, text.Length)!;
        Assert.Equal("OnOffRatio(double ratio)", hint.ToString());
        Assert.Equal(0, hint.Current);
        Assert.StartsWith("ratio: Gmax/Gmin", hint.ParameterDoc);
        text = "Hardware.DifferentialPair().Device(\"pcm\", ";
        hint = engine.Completion.Signature(text, text.Length)!;
        Assert.Equal(1, hint.Current);
        Assert.Equal(["string name", "string preset = null"], hint.Parameters);
        Assert.Null(engine.Completion.Signature("var x = 1;", 5));
    }

    [Fact]
    public async Task Failed_submissions_are_counted_and_cancelled_or_good_ones_are_not()
    {
        var (engine, _) = Create();
        await engine.SubmitAsync("var ok = 1;");
        await engine.SubmitAsync("var broken = ;");                                                   // compile error
        await engine.SubmitAsync("Experiment.Named(\"f\").Data(Datasets.Mnist).Network(n => n.Dense(10)).On(Hardware.DifferentialPair().WeightBits(0)).Build()");   // DSL error
        await engine.SubmitAsync("throw new InvalidOperationException(\"boom\");");                   // exception
        await engine.SubmitAsync("#nosuch");
        await engine.SubmitAsync("ok + 1");
        Assert.Equal(4, engine.Failures);
    }
}
