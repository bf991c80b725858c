using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Autodiff.Tests;

public sealed class SignOpTests
{
    [Fact]
    public void Forward_is_plus_or_minus_one_and_zero_fires()
    {
        var tape = new Tape<double>(new MacPool(1));
        var y = tape.Sign(tape.Input([-2.0, -1e-9, 0.0, 0.3, 5.0], 1, 5));
        Assert.Equal([-1.0, -1.0, 1.0, 1.0, 1.0], y.Values.ToArray());
    }

    [Fact]
    public void Backward_is_the_hardtanh_straight_through_estimator()
    {
        // The estimator is a defined surrogate, not the true (zero) derivative: check it is exactly dy·1{|x| < 1}.
        var tape = new Tape<double>(new MacPool(1));
        var x = Tensor<double>.Parameter(1, 6);
        double[] xs = [-1.5, -0.99, -0.2, 0.0, 0.7, 1.2];
        xs.CopyTo(x.Values);
        var y = tape.Sign(x);
        var w = Tensor<double>.Constant([1, 2, 3, 4, 5, 6], 6, 1);
        var loss = tape.Dense(y, w);      // L = Σ j·sign(x_j): dL/dy_j = j
        tape.Backward(loss);
        Assert.Equal([0.0, 2, 3, 4, 5, 0], x.Gradient.ToArray());
    }
}
