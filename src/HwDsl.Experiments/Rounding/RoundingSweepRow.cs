using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>One deployed accuracy of the fixed-budget rounding sweep.</summary>
/// <param name="Network">Network algorithm (<c>mlp</c>: clipped-ReLU hidden layer; <c>binary-neurons</c>: sign hidden layer).</param>
/// <param name="Budget">Weight-memory budget in hidden units × bits.</param>
/// <param name="Bits">Bits per weight (2^bits levels of a single element against a reference).</param>
/// <param name="Units">Hidden units, budget / bits.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Method">float, nearest, stochastic, fitted, in-training or in-training+fitted.</param>
/// <param name="Accuracy">Test accuracy (deployed, except for float).</param>
public sealed record RoundingSweepRow(string Network, int Budget, int Bits, int Units, int Seed, string Method, double Accuracy);
