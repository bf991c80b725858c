using HwDsl;
using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests.Cores;

public sealed class CoreValidationTests
{
    private static CoreExperimentBuilder Small() => HwDsl.Cores.Experiment("yepes-small").Data(Datasets.Mnist)
        .Network(n => n.Windows(16, stride: 12).Layer(64).Layer(250, fanIn: 4).Readout(perClass: 25));

    private static SpecError Fails(CoreExperimentBuilder exp, string code)
    {
        var ex = Assert.Throws<SpecException>(() => exp.Build());
        var matching = ex.Errors.Where(e => e.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n{ex.Message}");
        return matching[0];
    }

    [Fact]
    public void The_small_topology_resolves_to_four_windows_four_cores_and_one_output_core()
    {
        var spec = Small().Build();
        var n = spec.Network;
        Assert.Equal([new WindowSpec(0, 0, 16), new WindowSpec(12, 0, 16), new WindowSpec(0, 12, 16), new WindowSpec(12, 12, 16)], n.Windows);
        Assert.Equal(new CoreLayerSpec(4, 64, 1, 256), n.Layers[0]);
        Assert.Equal(new CoreLayerSpec(1, 250, 4, 256), n.Layers[1]);
        Assert.Equal(5, n.CoreCount);
        Assert.Equal(CoreTrainingMethod.LearnedBinary, spec.Training.Method);
        Assert.True(spec.Training.HardHiddenSpikes);
        Assert.Equal(1, n.TypeWeight(0, 0));
        Assert.Equal(-1, n.TypeWeight(1, 0));
        Assert.Equal(spec, Small().Build());
    }

    [Fact]
    public void A_readout_that_cannot_give_every_output_core_every_class_is_refused_at_the_readout_call()
    {
        // 4 output cores × 25 neurons = 10 classes × 10, but 10 neurons per class do not split over 4 cores.
        var line = Here(); var e = Fails(HwDsl.Cores.Experiment("x").Data(Datasets.Mnist).Network(n => n.Windows(16, 12).Layer(25).Readout(10)), RuleCodes.CoreReadout);
        AssertAt(e, line);
        Assert.Contains("multiple of the last layer's 4 cores", e.Message);
        Assert.Equal(8, HwDsl.Cores.Experiment("x").Data(Datasets.Mnist).Network(n => n.Windows(16, 12).Layer(20).Readout(8)).Build().Network.PerClass);
    }

    [Fact]
    public void More_than_256_axons_per_core_is_refused_at_the_layer_call()
    {
        var line = Here(); var e = Fails(HwDsl.Cores.Experiment("x").Data(Datasets.Mnist).Network(n => n.Windows(16, 12).Layer(64).Layer(250, fanIn: 4).Readout(25)).Network(n => n.Windows(17, 11).Layer(64).Layer(250, fanIn: 4).Readout(25)), RuleCodes.CoreAxons);
        AssertAt(e, line);
        Assert.Contains("at most 256 axons", e.Message);
        Assert.Contains("1 × 289 = 289", e.Message);
    }

    [Fact]
    public void Neuron_count_fan_in_and_readout_are_checked()
    {
        var line = Here(); var e = Fails(HwDsl.Cores.Experiment("x").Data(Datasets.Mnist).Network(n => n.Windows(16, 12).Layer(300).Layer(250, fanIn: 4).Readout(25)), RuleCodes.CoreNeurons);
        AssertAt(e, line);
        Assert.Contains("asks for 300", e.Message);

        e = Fails(HwDsl.Cores.Experiment("x").Data(Datasets.Mnist).Network(n => n.Windows(16, 12).Layer(64).Layer(250, fanIn: 3).Readout(25)), RuleCodes.CoreFanIn);
        Assert.Contains("divide the 4 cores of layer 0", e.Message);

        e = Fails(HwDsl.Cores.Experiment("x").Data(Datasets.Mnist).Network(n => n.Windows(16, 12).Layer(64).Layer(250, fanIn: 4).Readout(20)), RuleCodes.CoreReadout);
        Assert.Contains("250 neurons but the readout needs 10 classes × 20 = 200", e.Message);
    }

    [Fact]
    public void Image_windows_axon_types_threshold_ticks_and_ensembles_are_checked()
    {
        Fails(Small().Network(n => n.Image(20, 20).Windows(16, 4).Layer(250).Readout(25)), RuleCodes.CoreImage);
        Fails(Small().Network(n => n.Window(20, 0, 16).Layer(250).Readout(25)), RuleCodes.CoreWindow);
        Fails(Small().Network(n => n.Windows(16, 0).Layer(250).Readout(25)), RuleCodes.CoreWindow);
        Fails(Small().Network(n => n.Windows(16, 12).Layer(64).Layer(250, fanIn: 4).Readout(25).AxonTypes([1, -1, 2, -2, 3])), RuleCodes.AxonTypes);
        Fails(Small().Network(n => n.Windows(16, 12).Layer(64).Layer(250, fanIn: 4).Readout(25).AxonTypes([0, 0])), RuleCodes.AxonTypes);
        Fails(Small().Network(n => n.Windows(16, 12).Layer(64).Layer(250, fanIn: 4).Readout(25).AxonTypes([300])), RuleCodes.AxonTypes);
        Fails(Small().Network(n => n.Windows(16, 12).Layer(64).Layer(250, fanIn: 4).Readout(25).Threshold(0)), RuleCodes.CoreThreshold);
        var e = Fails(Small().Network(n => n.Windows(16, 12).Layer(64).Layer(250, fanIn: 4).Readout(25).TimeSteps(4)), RuleCodes.TimeSteps);
        Assert.Contains("InputEncoding.Stochastic", e.Message);
        Assert.NotNull(Small().Network(n => n.Windows(16, 12).Layer(64).Layer(250, fanIn: 4).Readout(25).TimeSteps(4, InputEncoding.Stochastic)).Build());
        Fails(Small().Ensembles([1, 0]), RuleCodes.Ensembles);
        Fails(HwDsl.Cores.Experiment("x").Data(Datasets.Mnist), RuleCodes.CoreMissing);
        Fails(Small().Train(t => t.Probabilistic().HardHiddenSpikes()), RuleCodes.CoreSmoothing);
        var line = Here(); var hardOut = Fails(Small().Train(t => t.Probabilistic().HardOutputSpikes()), RuleCodes.CoreSmoothing);
        AssertAt(hardOut, line);
        Assert.Contains("HardOutputSpikes needs LearnedBinary", hardOut.Message);
        Assert.True(Small().Build().Training.HardOutputSpikes);
        Assert.False(Small().Train(t => t.HardOutputSpikes(false)).Build().Training.HardOutputSpikes);
        Assert.False(Small().Train(t => t.Probabilistic()).Build().Training.HardOutputSpikes);
        line = Here(); var shift = Fails(Small().Train(t => t.Shift(9)), RuleCodes.CoreTraining);
        AssertAt(shift, line);
        Assert.Contains("Shift must be 0..8 pixels; got 9", shift.Message);
        Assert.Equal(2, Small().Train(t => t.Shift(2)).Build().Training.Shift);
        Assert.Equal(0, Small().Build().Training.Shift);
        Fails(Small().Train(t => t.Epochs(0)), RuleCodes.CoreTraining);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var ex = Assert.Throws<SpecException>(() => Small().Network(n => n.Windows(16, 12).Layer(64).Layer(250, fanIn: 4).Readout(25).Threshold(0).AxonTypes([0]))
            .Train(t => t.Adam(-1)).Ensembles([0]).Build());
        Assert.Equal(["HW0607", "HW0608", "HW0611", "HW0613"], ex.Errors.Select(e => e.Code).Order());
    }

    [Fact]
    public void The_debug_view_shows_topology_and_provenance()
    {
        var view = Small().Train(t => t.Probabilistic().Epochs(3)).Ensembles([4, 1, 2]).Build().DebugView();
        Assert.Contains("4 × 16×16: (0,0) (12,0) (0,12) (12,12)", view);
        Assert.Contains("1 core(s) × 256 axons × 250 neurons (fan-in 4)", view);
        Assert.Matches(@"Method\s+Probabilistic\s+\[CoreValidationTests\.cs:\d+\]", view);
        Assert.Matches(@"Threshold\s+1\s+\[default\]", view);
        Assert.Contains("Ensembles           1, 2, 4", view);
    }
}
