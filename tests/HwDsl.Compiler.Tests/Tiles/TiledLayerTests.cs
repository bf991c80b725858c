using HwDsl.Autodiff;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Compiler.Tests;

/// <summary>Layers larger than a tile are split over tiles: the periphery runs per tile, and without per-tile stages the split
/// changes nothing but the order of float summation.</summary>
public sealed class TiledLayerTests
{
    private sealed class Recording : IOutputStage
    {
        public List<(int Tile, int Column0, int Columns, int Inputs)> Calls { get; } = [];

        public string Name => "recording";

        public bool ActsIn(NetworkPhase phase) => phase == NetworkPhase.Deployed;

        public bool RowWise(NetworkPhase phase) => false;   // one call per tile and pass, on the whole batch

        public void Program(AnalogArray array, ProgramContext context) { }

        public void Forward(TileBounds tile, TileBlock outputs)
        {
            Calls.Add((tile.Index, outputs.Column0, outputs.Columns, outputs.InputColumns));
            for (var i = 0; i < outputs.Batch; i++) foreach (ref var v in outputs.Row(i)) v = 2 * v + tile.Index;
        }

        public void Backward(TileBounds tile, TileBlock gradient) => throw new InvalidOperationException("not used in training");
    }

    private static ExperimentSpec Spec(int tileRows, int tileColumns, int inputs = 12, int hidden = 16) =>
        Experiment.Named("tiles").Seed(5).Data(Datasets.Named("synthetic", classes: 4, inputSize: inputs))
            .Network(n => n.Dense(hidden).ClippedRelu().Dense(4))
            .On(Hardware.DifferentialPair().WeightBits(4).OnOffRatio(10).Asymmetry(0.1).TileSize(tileRows, tileColumns))
            .Train(t => t.NaiveMapping()).Build();

    [Fact]
    public void A_two_by_two_tile_layer_calls_the_periphery_once_per_tile_on_its_own_columns_and_rows()
    {
        var bound = ExperimentBinder.Bind(Spec(8, 10), DeviceCatalog.Default, 12, 4);
        var layer = bound.Layers[0];
        Assert.Equal((2, 2), (layer.Tiles.RowBlocks, layer.Tiles.ColumnBlocks));   // 12 inputs over 8-row tiles, 16 outputs over 10-column tiles
        var stage = new Recording();
        var array = new AnalogArray(layer, [], [stage]);
        var rng = new SeededRandom(9);
        float[] Random(int n) { var v = new float[n]; for (var i = 0; i < n; i++) v[i] = (float)rng.NextNormal(); return v; }
        var (xv, wv, bv) = (Random(3 * 12), Random(12 * 16), Random(16));
        var tape = new Tape<float>(new MacPool(1));
        var y = array.Forward(tape, tape.Input(xv, 3, 12), Tensor<float>.Constant(wv, 12, 16), Tensor<float>.Constant(bv, 1, 16), NetworkPhase.Deployed);

        Assert.Equal([(0, 0, 10, 8), (1, 10, 6, 8), (2, 0, 10, 4), (3, 10, 6, 4)], stage.Calls);
        // Each tile's partial sums went through its own stage before the digital sum.
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 16; j++)
            {
                double expected = bv[j];
                foreach (var (r0, rows) in new[] { (0, 8), (8, 4) })
                {
                    var s = 0.0;
                    for (var k = r0; k < r0 + rows; k++) s += xv[i * 12 + k] * wv[k * 16 + j];
                    var tile = (r0 == 0 ? 0 : 2) + (j < 10 ? 0 : 1);
                    expected += 2 * s + tile;
                }
                Assert.Equal(expected, y.Values[i * 16 + j], 4);
            }
        // In training (the stage does not act there) the same array computes the plain product.
        stage.Calls.Clear();
        array.Forward(tape, tape.Input(xv, 3, 12), Tensor<float>.Constant(wv, 12, 16), Tensor<float>.Constant(bv, 1, 16), NetworkPhase.Train);
        Assert.Empty(stage.Calls);
    }

    [Fact]
    public void Split_over_tiles_the_deployed_network_computes_the_one_tile_outputs_up_to_float_summation()
    {
        var data = MnistSubset.Take(1500, 500);
        var whole = ExperimentBinder.Bind(SpecMnist(1024, 1024), DeviceCatalog.Default, 784, 10);
        var split = ExperimentBinder.Bind(SpecMnist(128, 64), DeviceCatalog.Default, 784, 10);
        Assert.True(whole.Layers.All(l => l.Tiles.IsSingle));
        Assert.Equal(7 * 4, split.Layers[0].Tiles.Count);   // 784 inputs over 128-row tiles, 256 outputs over 64-column tiles
        var pool = new MacPool(1);
        var a = NetworkCompiler.Compile(whole);
        Trainer.Train(a, data, new TrainingOptions(1, 100, new AdamSpec(1e-3), LearningRateSchedule.Constant, 5), pool);
        var b = NetworkCompiler.Compile(split);
        b.CopyParametersFrom(a);
        foreach (var array in b.Arrays) array.PerTile = true;
        a.Deploy(5, 0, noise: false);
        b.Deploy(5, 0, noise: false);
        a.Phase = b.Phase = NetworkPhase.Deployed;

        var tape = new Tape<float>(pool);
        var la = a.Forward(tape, tape.Input(data.Test.Features, data.Test.Count, 784)).Values.ToArray();
        var lb = b.Forward(tape, tape.Input(data.Test.Features, data.Test.Count, 784)).Values.ToArray();
        var scale = la.Max(Math.Abs);
        Assert.NotEqual(la, lb);   // the sums really were taken per tile, in another order
        Assert.All(la.Zip(lb), p => Assert.True(Math.Abs(p.First - p.Second) <= 1e-4f * scale, $"{p.First} vs {p.Second}"));
        tape.Reset();
        var accuracyA = Evaluation.Run(a, data.Test, tape).Accuracy;
        var accuracyB = Evaluation.Run(b, data.Test, tape).Accuracy;
        Assert.True(Math.Abs(accuracyA - accuracyB) <= 1.0 / data.Test.Count, $"{accuracyA} vs {accuracyB}");
        Assert.True(accuracyA > 0.6, $"the network learned something: {accuracyA}");
    }

    [Fact]
    public void Where_one_tile_holds_the_layer_the_numbers_are_those_of_the_plain_product_bit_for_bit()
    {
        var data = MnistSubset.Take(500, 200);
        var pool = new MacPool(1);
        var big = NetworkCompiler.Compile(ExperimentBinder.Bind(SpecMnist(1024, 1024), DeviceCatalog.Default, 784, 10));
        var perTile = NetworkCompiler.Compile(ExperimentBinder.Bind(SpecMnist(1024, 1024), DeviceCatalog.Default, 784, 10));
        var byDefault = NetworkCompiler.Compile(ExperimentBinder.Bind(SpecMnist(null, null), DeviceCatalog.Default, 784, 10));
        foreach (var array in perTile.Arrays) array.PerTile = true;
        var tape = new Tape<float>(pool);
        float[] Out(CompiledNetwork n)
        {
            n.Deploy(2, 0, noise: false);
            n.Phase = NetworkPhase.Deployed;
            var y = n.Forward(tape, tape.Input(data.Test.Features, data.Test.Count, 784)).Values.ToArray();
            tape.Reset();
            return y;
        }
        var reference = Out(big);
        Assert.Equal(reference, Out(perTile));   // one tile, computed tile by tile: the same GEMM
        Assert.Equal(reference, Out(byDefault)); // 512×512 tiles, no per-tile stage: the single product
    }

    private static ExperimentSpec SpecMnist(int? tileRows, int? tileColumns)
    {
        var hw = Hardware.DifferentialPair().WeightBits(4).InputBits(4).ActivationBits(4).OnOffRatio(10).Asymmetry(0.1);
        if (tileRows is int r) hw = hw.TileSize(r, tileColumns!.Value);
        return Experiment.Named("tiles-mnist").Seed(5).Data(Datasets.Mnist)
            .Network(n => n.Dense(256).ClippedRelu().Dense(10)).On(hw).Train(t => t.NaiveMapping().Epochs(1)).Build();
    }
}
