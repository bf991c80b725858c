using HwDsl.Autodiff;

namespace HwDsl.Compiler;

/// <summary>
/// A stage in front of the array's rows (the input DAC): it maps the layer's input on the tape, differentiably where it
/// acts in training. Elementwise stages with a fixed range act the same on every tile, so they see the whole input.
/// </summary>
public interface IInputStage
{
    /// <summary>A short name for views and messages, e.g. <c>DAC 4-bit [0, 1]</c>.</summary>
    string Name { get; }

    /// <summary>The stage's output for <paramref name="x"/> in <paramref name="phase"/>.</summary>
    Tensor<float> Forward(Tape<float> tape, Tensor<float> x, NetworkPhase phase);
}
