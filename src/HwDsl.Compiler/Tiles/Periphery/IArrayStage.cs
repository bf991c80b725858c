namespace HwDsl.Compiler;

/// <summary>
/// A stage on the array itself (IR drop): it turns a tile's programmed conductances into the effective ones the periphery
/// sees, once per programming, so the deployed layer still multiplies with one matrix.
/// </summary>
public interface IArrayStage
{
    /// <summary>A short name for views and messages.</summary>
    string Name { get; }

    /// <summary>Transforms one element array of one tile in place: <paramref name="g"/> holds its conductances row-major
    /// (<paramref name="rows"/> inputs × <paramref name="columns"/> outputs), in units of Gmax.</summary>
    void Apply(Span<double> g, int rows, int columns);
}
