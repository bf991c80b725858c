using HwDsl.Kernels;

namespace HwDsl.Compiler.Tests;

/// <summary>The cost model's counts against values computed by hand: one dense layer on one tile, a layer split over 2×2 tiles,
/// a small convolution over 3×2 tiles followed by a digital layer.</summary>
public sealed class CostCountsTests
{
    private static BoundExperiment Dense(HardwareBuilder hw) =>
        ExperimentBinder.Bind(Experiment.Named("cost").Data(Datasets.Named("synthetic", classes: 4, inputSize: 12))
            .Network(n => n.Dense(4)).On(hw).Build(), DeviceCatalog.Default, 12, 4);

    [Fact]
    public void One_dense_layer_on_one_tile()
    {
        var c = Assert.Single(CostCounts.Of(Dense(Hardware.DifferentialPair().WeightBits(3).InputBits(4).Adc(4))));
        var tile = Assert.Single(c.Tiles);
        Assert.Equal(new TileCounts(new TileBounds(0, 0, 0, 0, 12, 0, 4), 1, 12, 4, 12 * 4 * 2), tile);
        Assert.Equal((1, 12, 4, 96), (c.Mvms, c.DacConversions, c.AdcConversions, c.CellReads));
        Assert.Equal((0L, 4L, 4L, 0L), (c.Accumulations, c.Scalings, c.Biases, c.DigitalMacs));
        Assert.Equal((96L, 96L * 7), (c.ProgrammedCells, c.ProgrammingPulses));   // 2^3 − 1 pulses per cell at most
        Assert.Equal((4, true, 4, 2), (c.AdcBits, c.AdcDeclared, c.DacBits, c.CellsPerWeight));
    }

    [Fact]
    public void Without_adc_or_input_bits_the_technology_resolutions_are_counted_and_a_single_element_is_one_cell()
    {
        var c = Assert.Single(CostCounts.Of(Dense(Hardware.SingleElement().WeightBits(2))));
        Assert.Equal((6, false, 8, 1), (c.AdcBits, c.AdcDeclared, c.DacBits, c.CellsPerWeight));
        Assert.Equal((48L, 48L * 3), (c.ProgrammedCells, c.ProgrammingPulses));
        Assert.Equal(new Dictionary<int, long> { [6] = 4 }, CostCounts.AdcConversionsByBits([c]));
    }

    [Fact]
    public void A_layer_split_over_2x2_tiles()
    {
        // 12 inputs × 4 outputs on 8×3 tiles: row blocks of 8 and 4, column blocks of 3 and 1.
        var c = Assert.Single(CostCounts.Of(Dense(Hardware.DifferentialPair().TileSize(8, 3).Adc(4))));
        Assert.Equal([(8, 3), (8, 1), (4, 3), (4, 1)], c.Tiles.Select(t => (t.Tile.Rows, t.Tile.Columns)));
        Assert.Equal([1L, 1, 1, 1], c.Tiles.Select(t => t.Mvms));
        Assert.Equal([8L, 8, 4, 4], c.Tiles.Select(t => t.DacConversions));
        Assert.Equal([3L, 1, 3, 1], c.Tiles.Select(t => t.AdcConversions));
        Assert.Equal([48L, 16, 24, 8], c.Tiles.Select(t => t.CellReads));
        Assert.Equal((4, 24, 8, 96), (c.Mvms, c.DacConversions, c.AdcConversions, c.CellReads));
        Assert.Equal(4, c.Accumulations);   // each of the 4 outputs adds its second row block's partial sum once
    }

    [Fact]
    public void A_small_convolution_counts_one_mvm_per_output_position_per_tile()
    {
        // 1×28×28 → Conv2d(4, 3, stride 2): 13×13 = 169 positions, kernel matrix 9 × 4 on 4×3 tiles (rows 4, 4, 1; columns 3, 1).
        var spec = Experiment.Named("cost-conv").Data(Datasets.Mnist)
            .Network(n => n.Conv2d(4, 3, stride: 2).ClippedRelu().Flatten().Dense(10))
            .On(Hardware.DifferentialPair().TileSize(4, 3).Adc(5), l => l.Last.Digital()).Build();
        var bound = ExperimentBinder.Bind(spec, DeviceCatalog.Default, 784, 10);
        Assert.Equal(new ConvGeometry(1, 28, 28, 4, 3, 2), bound.Layers[0].Convolution);
        var counts = CostCounts.Of(bound);
        var conv = counts[0];
        Assert.Equal(169, conv.Positions);
        Assert.Equal(6, conv.Tiles.Count);
        Assert.All(conv.Tiles, t => Assert.Equal(169, t.Mvms));
        Assert.Equal(6 * 169, conv.Mvms);
        Assert.Equal(169 * (4 + 4 + 1) * 2, conv.DacConversions);        // every row of every tile, per position
        Assert.Equal(169 * (3 + 1) * 3, conv.AdcConversions);            // every column of every tile, per position
        Assert.Equal(169 * 9 * 4 * 2, conv.CellReads);
        Assert.Equal(169 * 4 * 2, conv.Accumulations);                   // 3 row blocks: 2 additions per output and position
        Assert.Equal((169L * 4, 169L * 4), (conv.Scalings, conv.Biases));
        Assert.Equal((72L, 72L * 255), (conv.ProgrammedCells, conv.ProgrammingPulses));   // 9·4·2 cells, 8 weight bits by default

        var dense = counts[1];
        Assert.True(dense.Digital);
        Assert.Empty(dense.Tiles);
        Assert.Equal((676L * 10, 10L, 0L), (dense.DigitalMacs, dense.Biases, dense.ProgrammedCells));
        Assert.Equal(new Dictionary<int, long> { [5] = 169 * 12 }, CostCounts.AdcConversionsByBits(counts));
    }
}
