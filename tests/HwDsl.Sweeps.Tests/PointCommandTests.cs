namespace HwDsl.Sweeps.Tests;

public sealed class PointCommandTests
{
    private static readonly SweepPoint Point = new(0, "id-1", [new("bits", "4"), new("name", "it's"), new("seed", "2")]);

    [Fact]
    public void A_script_point_runs_hwdsl_run_with_one_set_per_value_and_its_folder_as_output()
    {
        var command = new PointCommand("/s/x.csx", null, Quick: true, ["--extra"]);
        Assert.Equal(["dotnet", "hwdsl.dll", "run", "/s/x.csx", "--quick", "--set", "bits=4", "--set", "name=it's", "--set", "seed=2", "--output", "/sw/points/id-1", "--runs", "/sw/points/id-1/runs", "--", "--extra"],
            command.Arguments(Point, "/sw/points/id-1", ["dotnet", "hwdsl.dll"]));
    }

    [Fact]
    public void A_template_gets_shell_quoted_values_output_and_id()
    {
        var command = new PointCommand(null, "prog --bits {bits} --name {name} --out {output}/{id}", false, []);
        Assert.Equal(["/bin/sh", "-c", "prog --bits '4' --name 'it'\\''s' --out '/o p'/'id-1'"], command.Arguments(Point, "/o p", []));
    }

    [Fact]
    public void Template_and_sweep_must_agree_on_the_names()
    {
        var points = new SweepDeclaration().ParseGrid("bits=2,4").Points();
        var command = new PointCommand(null, "prog {bits} {ratio}", false, []);
        var e = Assert.Throws<SweepException>(() => command.CheckTemplate(points, ["bits"], _ => "--grid"));
        Assert.Equal("--command uses {ratio} but the point bits=2 gives it no value; add ratio=... to that point or the grid.", e.Message);
        e = Assert.Throws<SweepException>(() => new PointCommand(null, "prog {output}", false, []).CheckTemplate(points, ["bits"], _ => "--grid bits=2,4"));
        Assert.Equal("--grid bits=2,4: 'bits' does not appear in --command as {bits}; the command uses: no parameters.", e.Message);
    }
}
