using HwDsl.Autodiff;

namespace HwDsl.Compiler;

/// <summary>
/// A stage in front of the array's rows (the input DAC): it maps the layer's input on the tape, differentiably where it
/// acts in training, and tells the output stages the input's full scale α (the digital result is in units of α·w_max per
/// unit of column current). Elementwise stages with a fixed range act the same on every tile, so they see the whole input;
/// a dynamic range takes α per input vector and row block of tiles.
/// </summary>
public interface IInputStage
{
    /// <summary>A short name for views and messages, e.g. <c>DAC 4-bit [0, 1]</c>.</summary>
    string Name { get; }

    /// <summary>The stage's output for <paramref name="x"/> in <paramref name="phase"/>.</summary>
    Tensor<float> Forward(Tape<float> tape, Tensor<float> x, NetworkPhase phase);

    /// <summary>The input's full scale α of the last pass when it is the same for every vector.</summary>
    float Scale { get; }

    /// <summary>α per row block and vector of the last pass (<c>[rowBlock · batch + i]</c>), or null when <see cref="Scale"/> holds.</summary>
    float[]? RowScales { get; }

    /// <summary>Trainable parameters of the stage (a learned range), empty for most.</summary>
    IReadOnlyList<Tensor<float>> Parameters { get; }
}
