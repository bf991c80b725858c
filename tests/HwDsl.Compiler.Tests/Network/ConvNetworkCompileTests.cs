using HwDsl.Autodiff;
using HwDsl.Data;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Compiler.Tests;

/// <summary>Convolutional networks from the DSL: LeNet-5 compiles to the float network HwDsl.Training builds, per-layer
/// hardware and digital first/last layers work as for dense layers, binary and plugin devices hold kernels, shape mistakes
/// are refused at the script line when binding, and a small conv net trains hardware-aware on MNIST.</summary>
public sealed class ConvNetworkCompileTests
{
    private static void LeNet(NetworkBuilder n) => n
        .Conv2d(6, 5, padding: 2).ClippedRelu().MaxPool(2)
        .Conv2d(16, 5).ClippedRelu().MaxPool(2)
        .Flatten().Dense(120).ClippedRelu().Dense(84).ClippedRelu().Dense(10);

    private static float[] Random(int n, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var v = new float[n];
        for (var i = 0; i < v.Length; i++) v[i] = (float)rng.NextDouble();
        return v;
    }

    [Fact]
    public void LeNet5_in_float_is_the_network_HwDsl_Training_builds_for_the_seed()
    {
        var spec = Experiment.Named("lenet").Seed(11).Data(Datasets.Mnist).Network(LeNet).Train(t => t.Float()).Build();
        var net = NetworkCompiler.Compile(spec, 784, 10);
        var reference = LeNet5.Create<float>(new ImageShape(1, 28, 28), 10, seed: 11, Activation.ClippedRelu);
        Assert.Equal(reference.Parameters.Select(p => p.Values.ToArray()), net.Parameters.Select(p => p.Values.ToArray()));
        var x = Random(4 * 784, 2);
        var tape = new Tape<float>(new MacPool(1));
        Assert.Equal(reference.Forward(tape, tape.Input(x, 4, 784)).Values.ToArray(), net.Forward(tape, tape.Input(x, 4, 784)).Values.ToArray());
        Assert.Equal(5, net.HardwareLayers.Count());   // both convolutions and the three dense layers sit on arrays
        Assert.StartsWith("conv 1×28×28→6×28×28 (5×5, padding 2) on nvm", net.Describe());
    }

    [Fact]
    public void Per_layer_hardware_and_a_digital_first_layer_work_as_for_dense_layers()
    {
        var spec = Experiment.Named("lenet").Data(Datasets.Mnist).Network(LeNet)
            .On(Hardware.DifferentialPair().WeightBits(4).ActivationBits(4), l => { l.First.Digital(); l[1].WeightBits(3); l.Last.WeightBits(8); })
            .Build();
        var bound = ExperimentBinder.Bind(spec, DeviceCatalog.Default, 784, 10);
        Assert.Equal([(25, 6), (150, 16), (400, 120), (120, 84), (84, 10)], bound.Layers.Select(l => (l.Inputs, l.Outputs)));
        Assert.Equal([true, false, false, false, false], bound.Layers.Select(l => l.Digital));
        Assert.Equal([3, 4, 4, 8], bound.Layers.Skip(1).Select(l => l.Hardware.WeightBits));
        Assert.Equal(new ConvGeometry(6, 14, 14, 16, 5), bound.Layers[1].Convolution);

        var net = NetworkCompiler.Compile(bound);
        Assert.IsType<Conv2dLayer<float>>(net.Layers[0]);                 // digital: the float convolution itself
        Assert.Same(bound.Layers[1], net.HardwareLayers.First().Bound);  // the second convolution is the first analog layer
        Assert.Equal(4, net.HardwareLayers.Count());
        // Activation bits: a quantizer after each hidden ClippedRelu of an analog layer (not the digital first one's).
        Assert.Equal(3, net.Layers.OfType<QuantizedActivationLayer>().Count());
        Assert.Contains("Layer 1 Conv2d(16, 5)", spec.DebugView());
    }

    [Fact]
    public void The_input_DAC_is_the_first_convolutions_input_stage()
    {
        var spec = Experiment.Named("lenet").Data(Datasets.Mnist).Network(LeNet).On(Hardware.DifferentialPair().InputBits(4)).Build();
        var arrays = NetworkCompiler.Compile(spec, 784, 10).Arrays.ToList();
        Assert.IsType<InputDac>(Assert.Single(arrays[0].InputStages));
        Assert.All(arrays.Skip(1), a => Assert.Empty(a.InputStages));
    }

    [Fact]
    public void An_average_pool_after_quantized_activations_quantizes_again_for_the_next_array()
    {
        var spec = Experiment.Named("avg").Data(Datasets.Mnist)
            .Network(n => n.Conv2d(4, 5).ClippedRelu().AvgPool(2).Conv2d(4, 3).ClippedRelu().MaxPool(2).Flatten().Dense(10))
            .On(Hardware.DifferentialPair().ActivationBits(4)).Build();
        var kinds = NetworkCompiler.Compile(spec, 784, 10).Layers.Select(l => l.GetType().Name).ToList();
        Assert.Equal(["HardwareDenseLayer", "ActivationLayer`1", "QuantizedActivationLayer", "PoolLayer`1", "QuantizedActivationLayer",
            "HardwareDenseLayer", "ActivationLayer`1", "QuantizedActivationLayer", "PoolLayer`1", "FlattenLayer`1", "HardwareDenseLayer"], kinds);
    }

    [Fact]
    public void A_binary_convolution_deploys_on_dies_and_an_ideal_die_is_the_ideal_network()
    {
        ExperimentSpec Spec(HardwareBuilder hw) => Experiment.Named("bconv").Seed(2).Data(Datasets.Named("img", 4, image: new ImageSize(1, 9, 9)))
            .Network(n => n.Conv2d(5, 3, padding: 1).Sign().MaxPool(3).Flatten().Dense(4)).On(hw).Build();
        var x = Random(3 * 81, 4);
        float[] Outputs(ExperimentSpec spec, NetworkPhase phase)
        {
            var net = NetworkCompiler.Compile(spec, 81, 4);
            var die = DieSampler.Sample(spec.Layers, DieSource.Shapes(net), 1, DieSampler.Evaluation, 0);
            foreach (var l in net.BinaryLayers) l.SetDeployedDie(die.For(l.Hardware.Index));
            net.Phase = phase;
            var tape = new Tape<float>(new MacPool(1)) { Recording = false };
            return net.Forward(tape, tape.Input(x, 3, 81)).Values.ToArray();
        }
        var perfect = Spec(Hardware.Binary().OnOffRatio(2.5).Defects(d => d.Open(0).Shorted(0)).DeviceToDevice(0));
        var defective = Spec(Hardware.Binary().OnOffRatio(2.5).Defects(d => d.Shorted(0.2).Open(0.1)).DeviceToDevice(0.05));
        Assert.Equal(new ArrayShape(0, 9, 5, 1), DieSource.Shapes(NetworkCompiler.Compile(perfect, 81, 4))[0]);
        Assert.Equal(Outputs(perfect, NetworkPhase.Float), Outputs(perfect, NetworkPhase.Deployed));
        Assert.NotEqual(Outputs(defective, NetworkPhase.Float), Outputs(defective, NetworkPhase.Deployed));
    }

    [Fact]
    public void A_plugin_device_holds_a_kernel_matrix_with_its_own_levels()
    {
        var catalog = PluginCatalog.Create();
        ExperimentSpec Spec(string device) => Experiment.Named("dev").Data(Datasets.Mnist).Network(LeNet)
            .On(Hardware.DifferentialPair().WeightBits(4), l => l.First.Device(device)).Build();
        var rram = NetworkCompiler.Compile(ExperimentBinder.Bind(Spec("rram"), catalog, 784, 10));
        var nvm = NetworkCompiler.Compile(ExperimentBinder.Bind(Spec("nvm"), catalog, 784, 10));
        var (a, b) = (rram.HardwareLayers.First(), nvm.HardwareLayers.First());
        Assert.Equal("rram", a.Bound.Device!.Name);
        Assert.NotEqual(a.Levels.Values.ToArray(), b.Levels.Values.ToArray());
        rram.Deploy(1, 0, noise: false);
        nvm.Deploy(1, 0, noise: false);
        Assert.NotEqual(a.DeployedWeights.ToArray(), b.DeployedWeights.ToArray());
        Assert.Equal(nvm.HardwareLayers.ElementAt(1).DeployedWeights.ToArray(), rram.HardwareLayers.ElementAt(1).DeployedWeights.ToArray());
    }

    [Fact]
    public void Data_that_is_not_the_declared_image_is_refused_at_the_script_line_before_training()
    {
        var spec = Experiment.Named("lenet").Data(Datasets.Mnist).Network(LeNet).On(Hardware.DifferentialPair()).Build(); var line = Line();
        var e = Assert.Throws<SpecException>(() => ExperimentBinder.Bind(spec, DeviceCatalog.Default, 700, 10));
        var error = Assert.Single(e.Errors);
        Assert.Equal(RuleCodes.DatasetImage, error.Code);
        Assert.Equal(line, error.Line);
        Assert.EndsWith("ConvNetworkCompileTests.cs", error.File);
        Assert.Contains("declares images of 1×28×28 (784 values per sample), but the loaded data has 700 features", error.Message);
    }

    [Fact]
    public void A_die_map_that_does_not_fit_a_binary_kernel_matrix_is_refused_with_its_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hwdsl-conv-die-{Environment.ProcessId}.csv");
        File.WriteAllLines(path, ["layer,row,column,state", "0,8,4,short", "0,9,0,open", "1,0,0,ok"]);
        try
        {
            var spec = Experiment.Named("bconv").Data(Datasets.Named("img", 4, image: new ImageSize(1, 9, 9)))
                .Network(n => n.Conv2d(5, 3, padding: 1).Sign().MaxPool(3).Flatten().Dense(4))
                .On(Hardware.Binary()).Evaluate(e => e.OnDies(Dies.Load(path))).Build();
            var e = Assert.Throws<SpecException>(() => ExperimentBinder.Bind(spec, DeviceCatalog.Default, 81, 4));
            var error = Assert.Single(e.Errors);   // row 8 fits the 9 × 5 kernel matrix, row 9 does not
            Assert.Equal(RuleCodes.DieMapIndex, error.Code);
            Assert.Equal((path, 3), (error.File, error.Line));
            Assert.Contains("outside layer 0's array of 9 rows × 5 columns", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_small_conv_net_trained_hardware_aware_keeps_its_accuracy_as_deployed()
    {
        var data = MnistSubset.Take(3000, 500);
        var spec = Experiment.Named("conv-aware").Seed(1).Data(Datasets.Mnist)
            .Network(n => n.Conv2d(8, 5, stride: 2).ClippedRelu().Flatten().Dense(10))
            .On(Hardware.DifferentialPair().WeightBits(4).InputBits(4).ActivationBits(4).OnOffRatio(10).Asymmetry(0.1))
            .Train(t => t.HardwareAware(Relaxation.Sigmoid(2, 50)).Epochs(2).Adam(3e-3)).Build();
        var net = NetworkCompiler.Compile(spec, 784, 10);
        var pool = new MacPool(1);
        var trained = Trainer.Train(net, data, new TrainingOptions(2, 50, new AdamSpec(3e-3), LearningRateSchedule.Constant, 1), pool);
        net.Deploy(1, 0, noise: false);
        net.Phase = NetworkPhase.Deployed;
        var deployed = Evaluation.Run(net, data.Test, new Tape<float>(pool)).Accuracy;
        Assert.True(deployed > 0.85, $"deployed accuracy {deployed:P1}");
        Assert.Equal(trained.Epochs[^1].TestAccuracy, deployed, 9);   // hardware-aware training tests each epoch as deployed
    }

    private static int Line([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
