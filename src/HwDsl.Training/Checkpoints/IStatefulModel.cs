namespace HwDsl.Training;

/// <summary>
/// A model with state outside its parameters that training changes and a resumed run must get back, e.g. the counter
/// that decides which training die statistics-aware training draws next.
/// </summary>
public interface IStatefulModel
{
    /// <summary>The state as bytes (empty when there is none).</summary>
    byte[] SaveState();

    /// <summary>Restores what <see cref="SaveState"/> returned.</summary>
    void LoadState(ReadOnlySpan<byte> state);
}
