using HwDsl.Experiments;

namespace HwDsl.Scripting.Tests;

/// <summary>Issue 18: every --set value is parsed before the script runs, even one the script never reads under --quick.</summary>
public sealed class ScriptParameterCheckTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Script = """
        var epochs = Quick ? 1 : Param("epochs", 10);
        var seeds = Param("seeds", new[] { 0, 1 });
        var lr = Param<double>("lr", 1e-3);
        var mode = Param("mode", TrainingMode.HardwareAware);
        var flag = !Quick ? Param("full", false) : true;
        Out.WriteLine($"ran epochs={epochs} seeds={string.Join(",", seeds)} lr={lr} mode={mode} full={flag}");
        """;

    private (string Output, Exception? Error) Run(bool quick, params (string Name, string Value)[] sets)
    {
        var path = _dir.File("p.csx", Script);
        var writer = new StringWriter();
        var values = sets.ToDictionary(s => s.Name, s => s.Value);
        var globals = new ScriptGlobals([], quick, _dir["out"], new ExperimentOptions { RunRoot = _dir["runs"] }, values, writer);
        try
        {
            ScriptRunner.Run(ScriptCompiler.Compile(path), globals, values.Keys);
            return (writer.ToString(), null);
        }
        catch (ScriptException e)
        {
            return (writer.ToString(), e);
        }
    }

    [Fact]
    public void The_compiler_records_each_parameters_type_and_what_quick_skips()
    {
        var compiled = ScriptCompiler.Compile(_dir.File("p.csx", Script));
        Assert.Equal(["epochs", "full", "lr", "mode", "seeds"], compiled.ParameterTypes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(typeof(int), Type.GetType(compiled.ParameterTypes["epochs"].Single()));
        Assert.Equal(typeof(int[]), Type.GetType(compiled.ParameterTypes["seeds"].Single()));
        Assert.Equal(typeof(HwDsl.TrainingMode), Type.GetType(compiled.ParameterTypes["mode"].Single()));
        Assert.Equal(["epochs", "full"], compiled.QuickOverridden);
    }

    [Theory]
    [InlineData("epochs", "abc", "--set epochs=abc: not a valid whole number (", "reads it with Param(\"epochs\", …) as int).")]
    [InlineData("seeds", "0..x", "--set seeds=0..x: not a valid comma-separated list of whole number (or ranges A..B) (", "as int[]).")]
    [InlineData("lr", "fast", "--set lr=fast: not a valid number (or inf) (", "as double).")]
    [InlineData("mode", "cheap", "--set mode=cheap: not a valid TrainingMode (one of Float, NaiveMapping, HardwareAware) (", "as TrainingMode).")]
    public void A_bad_value_fails_before_the_script_runs_even_under_quick(string name, string value, string start, string end)
    {
        // `--set epochs=abc --quick` exited 0: the script does Quick ? 1 : Param(...), so the value was never parsed.
        var (output, error) = Run(true, (name, value));
        Assert.NotNull(error);
        Assert.StartsWith(start, error.Message);
        Assert.EndsWith(end, error.Message);
        Assert.DoesNotContain("ran", output);
    }

    [Fact]
    public void Quick_says_which_given_values_it_overrides()
    {
        var (output, error) = Run(true, ("epochs", "5"), ("lr", "0.01"));
        Assert.Null(error);
        Assert.Contains("note: --quick overrides --set epochs=5: ", output);
        Assert.Contains("reads 'epochs' only without --quick (Quick ? … : Param(\"epochs\", …)).", output);
        Assert.DoesNotContain("--set lr", output);
        Assert.Contains("ran epochs=1 seeds=0,1 lr=0.01 mode=HardwareAware full=True", output);

        (output, error) = Run(false, ("epochs", "5"), ("full", "yes"));
        Assert.Null(error);
        Assert.DoesNotContain("note:", output);
        Assert.Contains("ran epochs=5 seeds=0,1 lr=0.001 mode=HardwareAware full=True", output);
    }
}
