namespace HwDsl;

/// <summary>Activation functions a network may use between its layers.</summary>
public enum ActivationKind
{
    /// <summary><c>max(0, x)</c>; unbounded above, so its output cannot be quantized.</summary>
    Relu,

    /// <summary><c>clip(x, 0, 1)</c>; bounded, the activation to use with <c>ActivationBits</c>.</summary>
    ClippedRelu,

    /// <summary><c>tanh(x)</c>; signed, so it does not fit the unsigned activation quantizer.</summary>
    Tanh,

    /// <summary><c>sign(x)</c> in {-1, +1} (binary networks); already one bit.</summary>
    Sign,
}
