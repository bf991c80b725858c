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
        IReadOnlyList<string> At(string line) => engine.Completion.Complete(line, line.Length);
        Assert.Contains("WeightBits", At("Hardware.DifferentialPair().Wei"));
        engine.Completion.Add("var myHardware = Hardware.DifferentialPair();");
        Assert.Contains("myHardware", At("myHa"));
        Assert.Contains("Deployed", At("Experiment.Named(\"a\").Data(Datasets.Mnist).Network(n => n.Dense(10)).Evaluate(e => e.Dep"));
    }

    [Fact]
    public void Completion_knows_the_periphery_and_time_vocabulary()
    {
        var (engine, _) = Create();
        IReadOnlyList<string> At(string line) => engine.Completion.Complete(line, line.Length);
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
}
