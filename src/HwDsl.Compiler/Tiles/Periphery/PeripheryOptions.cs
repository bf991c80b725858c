namespace HwDsl.Compiler;

/// <summary>What the compiler tells a layer's periphery beyond its bound values.</summary>
/// <param name="First">True for the network's first analog layer (its input DAC is the network's).</param>
/// <param name="SignedInput">True when the layer's input is signed (after Tanh or Sign).</param>
/// <param name="HardwareAware">True when the network trains hardware-aware (the ADC acts in training).</param>
/// <param name="NoiseAware">True when per-MVM noise is injected in training too.</param>
/// <param name="Seed">The experiment's seed (training draws).</param>
/// <param name="DriftCompensation">True when evaluation compensates drift (the stage is added to every array).</param>
internal sealed record PeripheryOptions(bool First, bool SignedInput, bool HardwareAware, bool NoiseAware, int Seed, bool DriftCompensation);
