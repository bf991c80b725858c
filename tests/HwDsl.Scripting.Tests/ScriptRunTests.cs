using HwDsl.Compiler;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using HwDsl.Experiments;

namespace HwDsl.Scripting.Tests;

/// <summary>Compiling and running scripts in-process: globals, imports, #load, #r, the cache, errors located in the script.</summary>
public sealed class ScriptRunTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ScriptGlobals Globals(StringWriter writer, Dictionary<string, string>? parameters = null, CancellationToken cancel = default, string[]? args = null) =>
        new(args ?? [], quick: true, _dir["out"], new ExperimentOptions { Cancel = cancel, RunRoot = _dir["runs"], Pool = new HwDsl.Kernels.MacPool(1) },
            parameters, writer);

    [Fact]
    public void Globals_and_default_imports_need_no_boilerplate()
    {
        var path = _dir.File("g.csx", """
            var hw = Hardware.DifferentialPair().WeightBits(Param("bits", 4));
            Out.WriteLine($"{Args.Count} {Args[0]} quick={Quick} bits={Param("bits", 4)} {new List<int> { 1, 2 }.Sum()} {Options.RunRoot is not null} {Cancel.IsCancellationRequested}");
            Out.WriteLine(Save("t.txt", "x"));
            """);
        var writer = new StringWriter();
        ScriptRunner.Run(ScriptCompiler.Compile(path), Globals(writer, new() { ["bits"] = "3" }, args: ["a", "b"]), ["bits"]);
        var lines = writer.ToString().Split('\n');
        Assert.Equal("2 a quick=True bits=3 3 True False", lines[0]);
        Assert.Equal("x", File.ReadAllText(_dir["out/t.txt"]));
    }

    [Fact]
    public void A_dsl_error_names_the_script_file_and_line()
    {
        var path = _dir.File("bad-ratio.csx", """
            var hw = Hardware.DifferentialPair()
                .WeightBits(4)
                .OnOffRatio(0.5);
            Experiment.Named("x").Data(Datasets.Mnist).Network(n => n.Dense(10)).On(hw).Build();
            """);
        var e = Assert.Throws<SpecException>(() => ScriptRunner.Run(ScriptCompiler.Compile(path), Globals(new StringWriter())));
        var error = Assert.Single(e.Errors);
        Assert.Equal("HW0102", error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.EndsWith("bad-ratio.csx(3): error HW0102: " + error.Message, ScriptRunner.Describe(e));
    }

    [Fact]
    public void Compile_errors_are_file_line_column_with_the_cs_code()
    {
        var path = _dir.File("typo.csx", "var x = 1;\nvar y = undefinedThing + x;\nint z = \"s\";\n");
        var e = Assert.Throws<ScriptException>(() => ScriptCompiler.Compile(path));
        var lines = e.Message.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"typo\.csx\(2,9\): error CS0103: The name 'undefinedThing' does not exist", lines[0]);
        Assert.Matches(@"typo\.csx\(3,9\): error CS0029: ", lines[1]);
    }

    [Fact]
    public void A_runtime_failure_names_the_script_line_that_threw()
    {
        var path = _dir.File("throws.csx", "var a = new int[2];\n\nOut.WriteLine(a[5]);\n");
        var e = Assert.Throws<ScriptException>(() => ScriptRunner.Run(ScriptCompiler.Compile(path), Globals(new StringWriter())));
        Assert.Matches(@"throws\.csx\(3\): error: IndexOutOfRangeException: ", e.Message);
    }

    [Fact]
    public void Load_and_r_bring_in_other_scripts_and_assemblies()
    {
        _dir.File("lib/helpers.csx", "int Twice(int x) => 2 * x;\n");
        var lib = CSharpCompilation.Create("ExtraLib", [CSharpSyntaxTree.ParseText("public static class Extra { public static int Answer => 42; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(_dir["asm"]);
        Assert.True(lib.Emit(_dir["asm/ExtraLib.dll"]).Success);
        var path = _dir.File("main.csx", "#load \"lib/helpers.csx\"\n#r \"asm/ExtraLib.dll\"\nOut.WriteLine(Twice(Extra.Answer));\n");

        var writer = new StringWriter();
        var compiled = ScriptCompiler.Compile(path);
        ScriptRunner.Run(compiled, Globals(writer));
        Assert.Equal("84", writer.ToString().Trim());
        Assert.Contains(_dir["lib/helpers.csx"], compiled.SourceFiles);
        Assert.Contains(_dir["asm/ExtraLib.dll"], compiled.References);
    }

    [Fact]
    public void The_cache_is_used_until_the_script_or_a_loaded_file_changes()
    {
        var cache = new ScriptCache(_dir["cache"]);
        _dir.File("part.csx", "var word = \"one\";\n");
        var path = _dir.File("cached.csx", "#load \"part.csx\"\nOut.WriteLine(word + Param(\"n\", 1));\n");
        string RunOnce(out bool hit)
        {
            var writer = new StringWriter();
            ScriptRunner.Run(cache.GetOrCompile(path, out hit), Globals(writer));
            return writer.ToString().Trim();
        }

        Assert.Equal("one1", RunOnce(out var hit));
        Assert.False(hit);
        Assert.Equal("one1", RunOnce(out hit));
        Assert.True(hit);
        _dir.File("part.csx", "var word = \"two\";\n");
        Assert.Equal("two1", RunOnce(out hit));
        Assert.False(hit);
        File.AppendAllText(path, "Out.WriteLine(\"more\");\n");
        Assert.Equal("two1\nmore", RunOnce(out hit).ReplaceLineEndings("\n"));
        Assert.False(hit);
        Assert.Equal(["n"], cache.GetOrCompile(path, out hit).Parameters);
        Assert.True(hit);
    }

    [Fact]
    public void An_unread_set_name_is_an_error_listing_what_the_script_reads()
    {
        var path = _dir.File("params.csx", "var a = Param(\"alpha\", 1.0); var b = Param<int[]>(\"seeds\", [0]);\n");
        var e = Assert.Throws<ScriptException>(() => ScriptRunner.Run(ScriptCompiler.Compile(path), Globals(new StringWriter()), ["alpah"]));
        Assert.Equal($"--set alpah: {ScriptPaths.Display(path)} does not read this parameter with Param(\"name\", …); it reads: alpha, seeds.", e.Message);
    }

    [Theory]
    [InlineData("seeds", "0..2,5", "0 1 2 5")]
    [InlineData("ratio", "inf", "Infinity")]
    [InlineData("mode", "float", "Float")]
    [InlineData("on", "yes", "True")]
    public void Param_converts_set_values(string name, string value, string expected)
    {
        var path = _dir.File("conv.csx", """
            object v = Args[0] switch
            {
                "seeds" => string.Join(" ", Param("seeds", new[] { 0 })),
                "ratio" => Param("ratio", 1.0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "mode" => Param("mode", TrainingMode.HardwareAware),
                _ => Param("on", false),
            };
            Out.Write(v);
            """);
        var writer = new StringWriter();
        ScriptRunner.Run(ScriptCompiler.Compile(path), Globals(writer, new() { [name] = value }, args: [name]), [name]);
        Assert.Equal(expected, writer.ToString());
    }

    [Fact]
    public void A_bad_param_value_says_what_is_allowed()
    {
        var path = _dir.File("badval.csx", "var e = Param(\"epochs\", 10);\n");
        var e = Assert.Throws<ScriptException>(() => ScriptRunner.Run(ScriptCompiler.Compile(path), Globals(new StringWriter(), new() { ["epochs"] = "ten" }), ["epochs"]));
        // Checked before the script runs, against the type the script reads it as.
        Assert.StartsWith("--set epochs=ten: not a valid whole number (", e.Message);
        Assert.EndsWith("badval.csx reads it with Param(\"epochs\", …) as int).", e.Message);
    }
}
