using HwDsl.Compiler;

namespace HwDsl.Compiler.Tests;

/// <summary>Die maps export and load back unchanged; bad files are refused with the file, line, code and what is allowed.</summary>
public sealed class DieMapFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hwdsl-diemap-").FullName;
    private static readonly ArrayShape[] Shapes = [new(0, 6, 4, 1), new(1, 4, 3, 1)];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, $"die{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static SpecError Refused(string path, string code, int line)
    {
        var e = Assert.Throws<SpecException>(() => DieMapFile.Load(path, Shapes));
        var error = Assert.Single(e.Errors, x => x.Code == code);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"{path}({line}): error {code}: ", error.ToString());
        return error;
    }

    [Fact]
    public void A_sampled_die_exports_and_loads_back_identically()
    {
        var spec = Experiment.Named("t").Data(Datasets.Named("s", classes: 3, inputSize: 6)).Network(n => n.Dense(4).Sign().Dense(3))
            .On(Hardware.Binary().Defects(d => d.Open(0.2).Shorted(0.2).StuckRandom(0.1)).DeviceToDevice(0.05)).Build();
        var die = DieSampler.Sample(spec.Layers, Shapes, 9, DieSampler.Evaluation, 2);
        var path = Path.Combine(_dir, "die2.csv");
        DieMapFile.Save(die, path);
        Assert.True(DieMapFile.Load(path, Shapes).SameAs(die));
    }

    [Fact]
    public void Unlisted_devices_work_nominally()
    {
        var die = DieMapFile.Load(Write("layer,row,column,state\n0,5,3,short\n1,0,2,open\n"), Shapes);
        Assert.Equal(DeviceState.Short, die.For(0)!.States[die.For(0)!.IndexOf(5, 3, 0)]);
        Assert.Equal(DeviceState.Open, die.For(1)!.States[2]);
        Assert.Equal(2, die.Arrays.Sum(a => a.States.Length - a.Count(DeviceState.Ok)));
    }

    [Fact]
    public void Out_of_range_indices_name_the_array_shape() =>
        Assert.Contains("outside layer 0's array of 6 rows × 4 columns", Refused(Write("layer,row,column,state\n0,1,1,open\n0,6,0,open\n"), RuleCodes.DieMapIndex, 3).Message);

    [Fact]
    public void A_layer_the_network_does_not_have_is_refused() =>
        Assert.Contains("binary layers are 0, 1", Refused(Write("# measured\nlayer,row,column,state\n2,0,0,open\n"), RuleCodes.DieMapLayer, 3).Message);

    [Fact]
    public void Unknown_states_list_the_allowed_ones() =>
        Assert.Contains("allowed: ok, open, short, stuck", Refused(Write("layer,row,column,state\n0,0,0,leaky\n"), RuleCodes.DieMapState, 2).Message);

    [Fact]
    public void Bad_headers_fields_elements_values_and_duplicates_are_refused()
    {
        Refused(Write("layer,row,state\n0,0,open\n"), RuleCodes.DieMapHeader, 1);
        Refused(Write("layer,row,column,state\n0,0,x,open\n"), RuleCodes.DieMapSyntax, 2);
        Refused(Write("layer,row,column,state\n0,0,open\n"), RuleCodes.DieMapSyntax, 2);
        Assert.Contains("one device per weight", Refused(Write("layer,row,column,element,state\n0,0,0,n,open\n"), RuleCodes.DieMapElement, 2).Message);
        Refused(Write("layer,row,column,state,value\n0,0,0,stuck,1.5\n"), RuleCodes.DieMapValue, 2);
        Assert.Contains("already listed on line 2", Refused(Write("layer,row,column,state\n0,0,0,open\n0,0,0,short\n"), RuleCodes.DieMapDuplicate, 3).Message);
    }

    [Fact]
    public void Every_bad_line_is_reported_at_once()
    {
        var e = Assert.Throws<SpecException>(() => DieMapFile.Load(Write("layer,row,column,state\n0,9,0,open\n0,0,0,leaky\n5,0,0,open\n"), Shapes));
        Assert.Equal([RuleCodes.DieMapIndex, RuleCodes.DieMapState, RuleCodes.DieMapLayer], e.Errors.Select(x => x.Code));
    }
}
