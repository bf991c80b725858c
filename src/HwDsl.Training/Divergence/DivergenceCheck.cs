using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using HwDsl.Autodiff;

namespace HwDsl.Training;

/// <summary>
/// Stops a diverging run at the batch where it diverges. The loss is one comparison per batch; parameters get one
/// vectorized pass after each update. That pass also covers the gradients: every optimizer folds the gradient into each
/// weight it updates (Adam through m/√v, which is NaN for an infinite gradient), so a non-finite gradient always leaves
/// a non-finite weight, and only then are the gradients looked at to say which of the two it was.
/// </summary>
internal sealed class DivergenceCheck(IReadOnlyList<Tensor<float>> parameters, int epochs, int batches)
{
    private readonly string[] _names = ParameterNames(parameters);

    public void Loss(float loss, int epoch, int batch, double learningRate)
    {
        if (!float.IsFinite(loss))
            throw new TrainingDivergedException(epoch, epochs, batch, batches, "loss", $"the mini-batch loss is {Describe(loss)}", learningRate);
    }

    /// <summary>Throws when a parameter is not finite; <paramref name="knownFinite"/> (the optimizer checked every value it
    /// wrote, <see cref="Optimizer{T}.LastStepFinite"/>) skips the pass.</summary>
    public void Parameters(int epoch, int batch, double learningRate, bool knownFinite = false)
    {
        if (knownFinite) return;
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (TensorPrimitives.IsFiniteAll<float>(p.Values)) continue;
            var gradient = p.Gradient;
            var problem = gradient.Length > 0 && !TensorPrimitives.IsFiniteAll<float>(gradient)
                ? $"the gradient of {_names[i]} is not finite ({Describe(First(gradient))} at index {Index(gradient)})"
                : $"{_names[i]} became {Describe(First(p.Values))} at index {Index(p.Values)} in the optimizer's update";
            throw new TrainingDivergedException(epoch, epochs, batch, batches, _names[i], problem, learningRate);
        }
    }

    /// <summary>Names parameters as dense layers own them: a matrix is "dense layer k weights (r×c)", a following 1×c row its bias.</summary>
    internal static string[] ParameterNames(IReadOnlyList<Tensor<float>> parameters)
    {
        var names = new string[parameters.Count];
        var layer = 0;
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (p.Rows > 1) names[i] = $"dense layer {++layer} weights ({p.Rows}×{p.Cols})";
            else if (i > 0 && parameters[i - 1].Rows > 1 && parameters[i - 1].Cols == p.Cols) names[i] = $"dense layer {layer} bias (1×{p.Cols})";
            else names[i] = $"parameter {i + 1} ({p.Rows}×{p.Cols})";
        }
        return names;
    }

    private static int Index(ReadOnlySpan<float> values)
    {
        for (var i = 0; i < values.Length; i++) if (!float.IsFinite(values[i])) return i;
        return -1;
    }

    private static float First(ReadOnlySpan<float> values) => Index(values) is var i and >= 0 ? values[i] : 0;

    private static string Describe(float v) => float.IsNaN(v) ? "NaN" : v > 0 ? "+∞" : "−∞";
}
