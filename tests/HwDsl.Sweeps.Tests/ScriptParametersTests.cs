namespace HwDsl.Sweeps.Tests;

public sealed class ScriptParametersTests
{
    [Fact]
    public void Finds_literal_Param_names_in_the_script_and_what_it_loads_transitively()
    {
        using var dir = new TempDir();
        dir.File("lib/common.csx", "#load \"more.csx\"\nvar ratio = Param(\"ratio\", 10.0);\n");
        dir.File("lib/more.csx", "var asym = Globals.Param<double>(\"asym\", 0.0);\n#load \"common.csx\"\n"); // a cycle must not loop
        var script = dir.File("s.csx", "#load \"lib/common.csx\"\nvar bits = Param(\"bits\", 4);\nvar seed = Param<int>(\"seed\", 0);\nvar n = \"bits\";\nvar other = Param(n, 1);\nOut.WriteLine(\"Param(\\\"fake\\\", 1)\");\n");
        var found = ScriptParameters.Find(script);
        Assert.Equal(["bits", "seed", "ratio", "asym"], found.Names);
        Assert.Equal(3, found.Files.Count);
        Assert.Equal(["s.csx(5)"], found.NonLiteral);
    }

    [Fact]
    public void An_unknown_swept_name_names_the_argument_and_the_names_the_script_reads()
    {
        using var dir = new TempDir();
        var script = dir.File("s.csx", "var bits = Param(\"bits\", 4);\nvar seed = Param(\"seed\", 0);\n");
        var declaration = new SweepDeclaration().ParseGrid("bits=2,4").ParseGrid("ratoi=10");
        var e = Assert.Throws<SweepException>(() => SweepSetup.Plan(script, null, false, [], declaration));
        Assert.Equal("--grid ratoi=10: 'ratoi' is not a parameter of s.csx: no Param(\"ratoi\", ...) in it or what it #loads; it reads: bits, seed.", e.Message);
        // Seeds are the 'seed' parameter: a script that never reads it cannot be swept over seeds.
        var noSeed = dir.File("n.csx", "var bits = Param(\"bits\", 4);\n");
        e = Assert.Throws<SweepException>(() => SweepSetup.Plan(noSeed, null, false, [], new SweepDeclaration().ParseGrid("seeds=0..2")));
        Assert.StartsWith("--grid seeds=0..2: 'seed' is not a parameter of n.csx", e.Message);
    }

    [Fact]
    public void A_missing_script_or_load_is_an_error_with_the_line()
    {
        using var dir = new TempDir();
        Assert.Contains("does not exist", Assert.Throws<SweepException>(() => ScriptParameters.Find(Path.Combine(dir.Path, "nope.csx"))).Message);
        var script = dir.File("s.csx", "var a = 1;\n#load \"gone.csx\"\n");
        Assert.EndsWith("s.csx(2): #load \"gone.csx\" does not exist.", Assert.Throws<SweepException>(() => ScriptParameters.Find(script)).Message);
    }
}
