namespace HwDsl.Scripting.Repl;

/// <summary>Parameter help inside a call: the method's signature with the parameter being typed marked, and its docs.</summary>
/// <param name="Name">The method (or type, for a constructor) being called.</param>
/// <param name="Parameters">Each parameter as <c>int bits</c>.</param>
/// <param name="Current">The index of the parameter the caret is in (-1 when past the last one).</param>
/// <param name="Overloads">How many overloads the call has (this one included).</param>
/// <param name="Summary">The method's XML-doc summary, or null.</param>
/// <param name="ParameterDoc">The current parameter's name and XML doc (<c>bits: Bits per element</c>), or null.</param>
public sealed record SignatureHint(string Name, IReadOnlyList<string> Parameters, int Current, int Overloads, string? Summary, string? ParameterDoc)
{
    /// <summary><c>WeightBits(int bits)</c>.</summary>
    public override string ToString() => $"{Name}({string.Join(", ", Parameters)})";
}
