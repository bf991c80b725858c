using HwDsl.Autodiff;
using HwDsl.Data;
using HwDsl.Kernels;

namespace HwDsl.Training.Tests;

/// <summary>Issue 18: a diverging run stops at the batch where it diverges and says which value was not finite.</summary>
public sealed class DivergenceTests
{
    private static TrainingOptions Options(OptimizerSpec optimizer, int epochs = 3) => new(epochs, 20, optimizer, LearningRateSchedule.Constant, 3);

    [Fact]
    public void A_huge_sgd_step_stops_with_the_epoch_batch_and_tensor()
    {
        // `hwdsl train --lr 3e38 --optimizer sgd` printed "loss NaN", then a test accuracy, and exited 0.
        var data = SyntheticData.Blobs(8, 3, 400, 100);
        var model = Sequential<float>.Mlp(8, [16], 3, Activation.Relu, seed: 1);
        var e = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(model, data, Options(new SgdSpec(3e38, 0.9)), new MacPool(1)));
        Assert.Equal(0, e.Epoch);
        Assert.InRange(e.Batch, 0, 2);
        Assert.StartsWith($"training diverged at epoch 1/3, batch {e.Batch + 1}/20: ", e.Message);
        Assert.Contains("learning rate 3E+38", e.Message);
        Assert.Contains("lower the learning rate", e.Message);
        Assert.True(e.Tensor == "loss" || e.Tensor.StartsWith("dense layer ", StringComparison.Ordinal), e.Tensor);
        Assert.Equal((0, e.Batch), TrainingFailure.Position(e));
    }

    [Fact]
    public void A_non_finite_input_is_caught_as_the_loss_of_its_batch()
    {
        var good = SyntheticData.Blobs(4, 2, 100, 20);
        var features = good.Train.Features.ToArray();
        for (var i = 0; i < features.Length; i++) features[i] = float.NaN; // every sample: batch 1 is the first to see one
        var data = new Dataset("nan", new DataSplit(features, good.Train.Labels.ToArray(), 4, 2), good.Test, []);
        var model = Sequential<float>.Mlp(4, [4], 2, Activation.Tanh, seed: 1);
        var e = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(model, data, Options(new AdamSpec(1e-3)), new MacPool(1)));
        Assert.Equal(("loss", 0, 0), (e.Tensor, e.Epoch, e.Batch));
        Assert.Contains("the mini-batch loss is NaN", e.Message);
    }

    [Fact]
    public void A_non_finite_gradient_under_a_finite_loss_names_the_parameter()
    {
        var data = SyntheticData.Blobs(6, 2, 200, 40);
        var mlp = Sequential<float>.Mlp(6, [5], 2, Activation.Relu, seed: 2);
        var poison = new PoisonGradient(6, atCall: 13);   // epoch 2 (10 batches per epoch), its batch 3
        var model = new Sequential<float>([poison, .. mlp.Layers]);
        var e = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(model, data, Options(new AdamSpec(1e-3)), new MacPool(1)));
        Assert.Equal((1, 2), (e.Epoch, e.Batch));
        Assert.Equal("parameter 1 (1×6)", e.Tensor);
        Assert.Contains("the gradient of parameter 1 (1×6) is not finite (NaN at index 0)", e.Message);
        Assert.StartsWith("training diverged at epoch 2/3, batch 3/10: ", e.Message);
    }

    [Fact]
    public void Any_exception_from_training_carries_its_epoch_and_batch()
    {
        var data = SyntheticData.Blobs(6, 2, 200, 40);
        var mlp = Sequential<float>.Mlp(6, [5], 2, Activation.Relu, seed: 2);
        var model = new Sequential<float>([new ThrowAt(atCall: 25), .. mlp.Layers]);
        var e = Assert.Throws<InvalidOperationException>(() => Trainer.Train(model, data, Options(new AdamSpec(1e-3)), new MacPool(1)));
        // Call 25 of the recorded forward passes: epoch 3, batch 5 (evaluation passes are not recorded).
        Assert.Equal((2, (int?)4), TrainingFailure.Position(e));
        Assert.Null(TrainingFailure.Position(new InvalidOperationException()));
    }

    [Fact]
    public void Parameters_are_named_as_dense_layers_own_them()
    {
        var model = Sequential<float>.Mlp(784, [256], 10, Activation.Relu, seed: 0);
        Assert.Equal(["dense layer 1 weights (784×256)", "dense layer 1 bias (1×256)", "dense layer 2 weights (256×10)", "dense layer 2 bias (1×10)"],
            DivergenceCheck.ParameterNames(model.Parameters));
    }

    /// <summary>Passes its input through; adds NaN to its parameter's gradient on the given recorded call (1-based).</summary>
    private sealed class PoisonGradient(int width, int atCall) : ILayer<float>
    {
        private readonly Tensor<float> _p = Tensor<float>.Parameter(1, width);
        private int _calls;

        public IReadOnlyList<Tensor<float>> Parameters => [_p];

        public Tensor<float> Forward(Tape<float> tape, Tensor<float> x)
        {
            if (!tape.Recording) return x;
            var y = tape.Output(x.Rows, x.Cols, true);
            x.Values.CopyTo(y.Values);
            tape.Record(new Op(x, y, _p, ++_calls == atCall), y);
            return y;
        }

        public string Describe() => "poison";

        private sealed class Op(Tensor<float> x, Tensor<float> y, Tensor<float> p, bool poison) : TapeOp<float>
        {
            public override void Backward(Tape<float> tape)
            {
                if (poison) p.Gradient[0] = float.NaN;
                if (!x.RequiresGrad) return;
                var dx = tape.GradientOf(x);
                for (var i = 0; i < dx.Length; i++) dx[i] += y.Gradient[i];
            }
        }
    }

    private sealed class ThrowAt(int atCall) : ILayer<float>
    {
        private int _calls;
        public IReadOnlyList<Tensor<float>> Parameters => [];
        public Tensor<float> Forward(Tape<float> tape, Tensor<float> x)
            => tape.Recording && ++_calls == atCall ? throw new InvalidOperationException("boom") : x;
        public string Describe() => "throws";
    }
}
