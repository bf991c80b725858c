using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

public sealed class TapeTests
{
    [Fact]
    public void Float_dense_matches_double_reference()
    {
        var rng = new SeededRandom(3);
        var tf = new Tape<float>(new MacPool(1));
        var td = new Tape<double>(new MacPool(1));
        var xf = Tensor<float>.Parameter(37, 50); var xd = Tensor<double>.Parameter(37, 50);
        var wf = Tensor<float>.Parameter(50, 33); var wd = Tensor<double>.Parameter(50, 33);
        foreach (var (f, d) in new[] { (xf, xd), (wf, wd) })
            for (var i = 0; i < f.Length; i++) { var v = (float)rng.NextNormal(); f.Values[i] = v; d.Values[i] = v; }
        var yf = tf.Dense(xf, wf); var yd = td.Dense(xd, wd);
        for (var i = 0; i < yf.Length; i++) Assert.Equal(yd.Values[i], yf.Values[i], 1e-4);
    }

    [Fact]
    public void Evaluation_mode_records_nothing_and_keeps_no_gradient()
    {
        var tape = new Tape<float>(new MacPool(1)) { Recording = false };
        var w = Tensor<float>.Parameter(4, 3);
        var y = tape.Relu(tape.Dense(tape.Input(new float[8], 2, 4), w));
        Assert.False(y.RequiresGrad);
        Assert.Equal(0, tape.Count);
    }

    [Fact]
    public void Backward_refuses_a_non_scalar_loss()
    {
        var tape = new Tape<float>(new MacPool(1));
        var w = Tensor<float>.Parameter(4, 3);
        var y = tape.Dense(tape.Input(new float[8], 2, 4), w);
        var e = Assert.Throws<ArgumentException>(() => tape.Backward(y));
        Assert.Contains("2×3", e.Message);
    }

    [Fact]
    public void Reset_recycles_storage_so_steps_do_not_allocate_new_buffers()
    {
        var tape = new Tape<float>(new MacPool(1));
        var w = Tensor<float>.Parameter(784, 64);
        var x = new float[100 * 784];
        var first = tape.Dense(tape.Input(x, 100, 784), w).Values.ToArray();
        tape.Reset();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++) { tape.Dense(tape.Input(x, 100, 784), w); tape.Reset(); }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 100 * 64 * 4, $"10 steps allocated {allocated} bytes; buffers should be reused.");
        Assert.Equal(100 * 64, first.Length);
    }

    [Fact]
    public void Dense_rejects_mismatched_shapes_naming_them()
    {
        var tape = new Tape<float>(new MacPool(1));
        var e = Assert.Throws<ArgumentException>(() => tape.Dense(tape.Input(new float[10], 2, 5), Tensor<float>.Parameter(4, 3)));
        Assert.Contains("5 features", e.Message);
        Assert.Contains("4×3", e.Message);
    }
}
