using HwDsl;
using static HwDsl.Dsl.Tests.Support;

namespace HwDsl.Dsl.Tests;

public sealed class ConvNetworkTests
{
    private static readonly int NetLine = Here() + 2;
    private static ExperimentBuilder Net(Action<NetworkBuilder> n, DatasetRef? data = null) =>
        Experiment.Named("t").Data(data ?? Datasets.Mnist).Network(n).On(Hardware.DifferentialPair());

    private static NetworkBuilder LeNet(NetworkBuilder n) => n
        .Conv2d(6, 5, padding: 2).Relu().MaxPool(2)
        .Conv2d(16, 5).Relu().MaxPool(2)
        .Flatten().Dense(120).Relu().Dense(84).Relu().Dense(10);

    private static void Check(ExperimentBuilder exp, string code, string parameter, string value, int line, params string[] text)
    {
        var e = Fails(exp, code);
        Assert.Equal(parameter, e.Parameter);
        Assert.Equal(value, e.Value);
        AssertAt(e, line);
        foreach (var t in text) Assert.Contains(t, e.Message);
    }

    [Fact]
    public void LeNet5_builds_with_its_shapes_and_weight_layers()
    {
        var spec = Net(n => LeNet(n)).Build();
        var net = spec.Network;
        Assert.Equal(new ImageSize(1, 28, 28), net.Input);
        Assert.Equal("Conv2d(6, 5, padding: 2) Relu MaxPool(2) Conv2d(16, 5) Relu MaxPool(2) Flatten() Dense(120) Relu Dense(84) Relu Dense(10)", net.ToString());
        Assert.Equal([new ImageSize(1, 28, 28), new ImageSize(6, 28, 28), new ImageSize(6, 28, 28), new ImageSize(6, 14, 14),
            new ImageSize(16, 10, 10), new ImageSize(16, 10, 10), new ImageSize(16, 5, 5), null, null],
            Enumerable.Range(0, 9).Select(net.ImageInto));
        Assert.Null(net.ImageInto(net.Layers.Count));

        Assert.Equal([new Conv2dSpec(6, 5, 1, 2), new Conv2dSpec(16, 5, 1, 0), new DenseSpec(120), new DenseSpec(84), new DenseSpec(10)], net.WeightLayers);
        Assert.Equal([0, 3, 7, 9, 11, -1], Enumerable.Range(0, 6).Select(net.ItemOfWeightLayer));
        Assert.Equal([ActivationKind.Relu, ActivationKind.Relu, ActivationKind.Relu, ActivationKind.Relu, null],
            Enumerable.Range(0, 5).Select(net.ActivationAfterWeightLayer));
        // Hardware per weight layer: both convolutions and the three Dense layers.
        Assert.Equal([0, 1, 2, 3, 4], spec.Layers.Select(l => l.Index));
        Assert.Equal(new ImageSize(16, 5, 5), new Conv2dSpec(16, 5, 1, 0).Output(new ImageSize(6, 14, 14)) is var c ? new PoolSpec(PoolKind.Max, 2, 2).Output(c) : null);
        Assert.Equal(spec, Net(n => LeNet(n)).Build());
        Assert.NotEqual(spec.Network, Net(n => LeNet(n)).Build().Network with { Input = new ImageSize(1, 28, 29) });
    }

    [Fact]
    public void Strides_padding_average_pooling_and_a_dense_layer_on_the_raw_image()
    {
        var net = Net(n => n.Conv2d(8, 3, stride: 2, padding: 1).Tanh().AvgPool(2).Flatten().Dense(10)).Build().Network;
        Assert.Equal(new ImageSize(8, 14, 14), net.ImageInto(2));
        Assert.Equal(new ImageSize(8, 7, 7), net.ImageInto(3));
        Assert.Equal(new PoolSpec(PoolKind.Average, 2, 2), net.Layers[2]);
        Assert.Equal("AvgPool(3, stride: 2)", new PoolSpec(PoolKind.Average, 3, 2).ToString());
        Assert.Equal("Conv2d(8, 3, stride: 2, padding: 1)", net.Layers[0].ToString());
        // Overlapping windows that tile: (28 − 4) / 2 + 1 = 13.
        Assert.Equal(new ImageSize(1, 13, 13), Net(n => n.MaxPool(4, stride: 2).Flatten().Dense(10)).Build().Network.ImageInto(1));
        // A Dense layer straight on the data set's image flattens it, as before.
        Assert.Null(Net(n => n.Dense(32).Relu().Dense(10)).Build().Network.ImageInto(1));
        Assert.Equal(new ImageSize(3, 32, 32), Datasets.Named("cifar", 10, image: new ImageSize(3, 32, 32)).Image);
        Assert.Equal(3072, Datasets.Named("cifar", 10, image: new ImageSize(3, 32, 32)).InputSize);
    }

    [Fact]
    public void Layer_parameters_out_of_range()
    {
        Check(Net(n => n.Conv2d(0, 5).Flatten().Dense(10)), "HW0206", "Conv2d.channels", "0", Here(), "1..65536");
        Check(Net(n => n.Conv2d(65537, 1).Flatten().Dense(10)), "HW0206", "Conv2d.channels", "65537", Here());
        Check(Net(n => n.Conv2d(6, 0).Flatten().Dense(10)), "HW0207", "Conv2d.kernel", "0", Here(), "at least 1");
        Check(Net(n => n.Conv2d(6, 3, stride: 0).Flatten().Dense(10)), "HW0208", "Conv2d.stride", "0", Here());
        Check(Net(n => n.Conv2d(6, 3, padding: 3).Flatten().Dense(10)), "HW0209", "Conv2d.padding", "3", Here(), "0..2");
        Check(Net(n => n.Conv2d(6, 3, padding: -1).Flatten().Dense(10)), "HW0209", "Conv2d.padding", "-1", Here());
        Check(Net(n => n.MaxPool(0).Flatten().Dense(10)), "HW0210", "MaxPool.size", "0", Here());
        Check(Net(n => n.AvgPool(2, stride: 3).Flatten().Dense(10)), "HW0210", "AvgPool.stride", "3", Here(), "1..2", "skip");
        Check(Net(n => n.MaxPool(2, stride: 0).Flatten().Dense(10)), "HW0210", "MaxPool.stride", "0", Here());
    }

    [Fact]
    public void Shapes_that_do_not_fit()
    {
        // 28 → conv 5 → 24 → pool 2 → 12 → conv 5 → 8 → pool 2 → 4 → conv 5: too large for 4×4.
        int at = Here(); var exp = Net(n => n.Conv2d(6, 5).MaxPool(2).Conv2d(16, 5).MaxPool(2).Conv2d(32, 5).Flatten().Dense(10));
        Check(exp, "HW0211", "Conv2d.kernel", "5", at, "16×4×4", "padded by 0 (4×4)", "at most 4");
        at = Here(); exp = Net(n => n.Conv2d(6, 5, stride: 2).MaxPool(13).Flatten().Dense(10));
        Check(exp, "HW0212", "MaxPool.size", "13", at, "6×12×12", "leaves nothing", "at most 12");
        at = Here(); exp = Net(n => n.Conv2d(6, 2).MaxPool(2).Flatten().Dense(10));
        Check(exp, "HW0213", "MaxPool.size", "2", at, "6×27×27", "27 − 2 is not divisible by the stride 2", "last 1 row(s)");
        at = Here(); exp = Net(n => n.Conv2d(65536, 1).Flatten().Dense(10));
        Check(exp, "HW0219", "Conv2d", "51380224", at, "65536×28×28", "16777216");
        // A data set's shape is judged where the experiment takes it: the Data(...) call, here in Net.
        var e = Fails(Net(n => n.Conv2d(6, 5).Flatten().Dense(10), Datasets.Named("x", 10, image: new ImageSize(1, 28, 28)) with { InputSize = 100 }), "HW0218");
        Assert.Equal(("Data.Image", "1×28×28"), (e.Parameter, e.Value));
        Assert.Contains("784 values", e.Message);
        Assert.Contains("InputSize is 100", e.Message);
        Assert.Equal(NetLine, e.Line);
        e = Fails(Net(n => n.Dense(10), Datasets.Named("x", 10, image: new ImageSize(0, 28, 28))), "HW0218");
        Assert.Contains("≥ 1; got 0×28×28", e.Message);
    }

    [Fact]
    public void Layer_order()
    {
        Check(Net(n => n.Conv2d(6, 5).Relu().MaxPool(2).Dense(10)), "HW0214", "Dense", "Dense(10)", Here(), "follows MaxPool(2)", "6×12×12", "Flatten()");
        Check(Net(n => n.Conv2d(6, 5).Dense(10)), "HW0214", "Dense", "Dense(10)", Here(), "follows Conv2d(6, 5)");
        Check(Net(n => n.Dense(100).Relu().Conv2d(6, 5).Flatten().Dense(10)), "HW0215", "Conv2d", "Conv2d(6, 5)", Here(), "follows Dense(100)", "flat vector");
        Check(Net(n => n.Conv2d(6, 5).Flatten().MaxPool(2).Dense(10)), "HW0215", "MaxPool", "MaxPool(2)", Here(), "follows Flatten()");
        Check(Net(n => n.Conv2d(6, 5).Flatten().Flatten().Dense(10)), "HW0215", "Flatten", "Flatten()", Here(), "already a flat vector");
        Check(Net(n => n.Dense(32).Flatten().Dense(10)), "HW0215", "Flatten", "Flatten()", Here(), "follows Dense(32)");
        Check(Net(n => n.Conv2d(6, 5).Flatten().Relu().Dense(10)), "HW0217", "Relu", "Relu", Here(), "before Flatten()");
        Check(Net(n => n.Relu().Conv2d(6, 5).Flatten().Dense(10)), "HW0203", "Relu", "Relu", Here(), "not an activation");
        Check(Net(n => n.Conv2d(6, 5).Relu().Relu().Flatten().Dense(10)), "HW0204", "Relu", "Relu", Here(), "at most one activation");
        Check(Net(n => n.Dense(10).Conv2d(6, 5)), "HW0202", "Conv2d", "Conv2d(6, 5)", Here(), "got Conv2d(6, 5) last");
        Check(Net(n => n.Conv2d(6, 5).Flatten().Dense(10).Flatten()), "HW0202", "Flatten", "Flatten()", Here());
        Assert.Equal(NetLine, Fails(Net(n => n.Conv2d(6, 5).MaxPool(2)), "HW0200").Line);   // at the Network(...) call
    }

    [Fact]
    public void Image_layers_need_an_image_shape()
    {
        var flat = Datasets.Named("blobs", classes: 3, inputSize: 20);
        Check(Net(n => n.Conv2d(4, 3).Flatten().Dense(3), flat), "HW0216", "Conv2d", "Conv2d(4, 3)", Here(),
            "data set blobs declares no image shape", "Datasets.Named(\"blobs\", image: new ImageSize(channels, height, width))");
        Check(Net(n => n.AvgPool(2).Flatten().Dense(3), Datasets.Named("x")), "HW0216", "AvgPool", "AvgPool(2)", Here());
        // Flatten on flat data changes nothing and is allowed; Dense-only networks need no shape.
        Assert.Equal(3, Net(n => n.Flatten().Dense(3), flat).Build().Network.Layers.OfType<DenseSpec>().Single().Units);
        Assert.Null(Net(n => n.Dense(3), flat).Build().Network.Input);
    }

    [Fact]
    public void One_mistake_gives_one_error()
    {
        // The kernel does not fit, so nothing after it is judged by shape; the missing Flatten is still an order error.
        var e = Assert.Throws<SpecException>(() => Net(n => n.Conv2d(6, 29).MaxPool(2).Conv2d(6, 3).Dense(10)).Build());
        Assert.Equal(["HW0211", "HW0214"], e.Errors.Select(x => x.Code));
        var bad = Assert.Throws<SpecException>(() => Net(n => n.Conv2d(0, 5).MaxPool(2).Flatten().Dense(10)).Build());
        Assert.Equal(["HW0206"], bad.Errors.Select(x => x.Code));
    }

    [Fact]
    public void Per_layer_hardware_counts_weight_layers_convolutions_included()
    {
        var hw = Hardware.DifferentialPair().WeightBits(4);
        var spec = Net(n => LeNet(n)).On(hw, l => { l.First.WeightBits(6); l[1].WeightBits(5); l.Last.WeightBits(8); }).Build();
        Assert.Equal([6, 5, 4, 4, 8], spec.Layers.Select(l => l.WeightBits));
        Assert.Contains("Hardware (per weight layer;", spec.DebugView());
        Assert.Contains("Layer 0 Conv2d(6, 5, padding: 2)", spec.DebugView());
        Assert.Contains("Layer 4 Dense(10)", spec.DebugView());

        var at = Here(); var bad = Net(n => LeNet(n)).On(hw, l => l[5].WeightBits(8));
        Check(bad, "HW0120", "layers[5]", "5", at, "the network has 5 weight layers (Dense or Conv2d) (indices 0..4)");
        // An MLP still speaks of Dense layers.
        Check(Net(n => n.Dense(16).Relu().Dense(10)).On(hw, l => l[2].WeightBits(8)), "HW0120", "layers[2]", "2", Here(), "the network has 2 Dense layers (indices 0..1)");
    }

    [Fact]
    public void Activation_bits_on_a_convolution_need_a_bounded_activation_after_it_or_after_its_pool()
    {
        var hw = Hardware.DifferentialPair().ActivationBits(4);
        // Conv2d → MaxPool → ClippedRelu quantizes the activation after the pool.
        var spec = Net(n => n.Conv2d(6, 5).MaxPool(2).ClippedRelu().Flatten().Dense(10)).On(hw).Build();
        Assert.Equal([4, null], spec.Layers.Select(l => l.ActivationBits));
        var at = Here(); var exp = Net(n => n.Conv2d(6, 5).Relu().MaxPool(2).Flatten().Dense(10)).On(hw, l => l.First.ActivationBits(4));
        Check(exp, "HW0121", "layers.First.ActivationBits", "4", at, "applies to weight layer (Dense or Conv2d) 0, which is followed by Relu, which is unbounded");
    }
}
