using System.Numerics;
using HwDsl.Autodiff;
using HwDsl.Kernels;

namespace HwDsl.Training;

/// <summary>How a dense layer's weights are drawn.</summary>
public enum WeightInit
{
    /// <summary>He (Kaiming) normal: N(0, 2/fan_in), for ReLU networks.</summary>
    He,
    /// <summary>Xavier (Glorot) uniform: U(±√(6/(fan_in + fan_out))), for tanh/sigmoid networks.</summary>
    Xavier,
}

/// <summary>y = x·W + b with W stored inputs×outputs; biases start at zero.</summary>
public sealed class DenseLayer<T> : IWeightLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer with weights drawn from <paramref name="rng"/>.</summary>
    public DenseLayer(int inputs, int outputs, WeightInit init, SeededRandom rng)
    {
        if (inputs < 1 || outputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), $"a dense layer needs at least one input and output; got {inputs}→{outputs}.");
        Weights = Tensor<T>.Parameter(inputs, outputs);
        Bias = Tensor<T>.Parameter(1, outputs);
        var w = Weights.Values;
        if (init == WeightInit.He)
        {
            var std = Math.Sqrt(2.0 / inputs);
            for (var i = 0; i < w.Length; i++) w[i] = T.CreateChecked(std * rng.NextNormal());
        }
        else
        {
            var limit = Math.Sqrt(6.0 / (inputs + outputs));
            for (var i = 0; i < w.Length; i++) w[i] = T.CreateChecked(limit * (2 * rng.NextDouble() - 1));
        }
    }

    /// <summary>inputs×outputs weight matrix.</summary>
    public Tensor<T> Weights { get; }

    /// <summary>1×outputs bias.</summary>
    public Tensor<T> Bias { get; }

    /// <inheritdoc />
    public IReadOnlyList<Tensor<T>> Parameters => [Weights, Bias];

    /// <inheritdoc />
    public Tensor<T> Forward(Tape<T> tape, Tensor<T> x) => tape.Dense(x, Weights, Bias);

    /// <inheritdoc />
    public string Describe() => $"dense {Weights.Rows}→{Weights.Cols}";
}
