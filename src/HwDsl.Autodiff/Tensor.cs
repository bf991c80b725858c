using System.Numerics;

namespace HwDsl.Autodiff;

/// <summary>
/// A row-major rows×cols matrix of values and, when it takes part in differentiation, its gradient.
/// Activations are rows = batch, cols = features; a bias is 1×n. Parameters own their storage;
/// intermediate tensors borrow it from their <see cref="Tape{T}"/> and are invalid after <see cref="Tape{T}.Reset"/>.
/// </summary>
public sealed class Tensor<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _values;
    private T[]? _gradient;

    internal Tensor(int rows, int cols, T[] values, bool requiresGrad, T[]? gradient = null)
    {
        if (rows < 0 || cols < 0) throw new ArgumentOutOfRangeException(nameof(rows), $"tensor shape must be non-negative; got {rows}×{cols}.");
        if (values.Length < rows * cols) throw new ArgumentException($"storage holds {values.Length} values; {rows}×{cols} needs {rows * cols}.");
        Rows = rows;
        Cols = cols;
        _values = values;
        RequiresGrad = requiresGrad;
        _gradient = gradient;
    }

    /// <summary>A trainable parameter (owns its values and a gradient that optimizers read and clear).</summary>
    public static Tensor<T> Parameter(int rows, int cols) => new(rows, cols, new T[rows * cols], true, new T[rows * cols]);

    /// <summary>A constant that wraps <paramref name="values"/> without copying; no gradient flows into it.</summary>
    public static Tensor<T> Constant(T[] values, int rows, int cols) => new(rows, cols, values, false);

    /// <summary>Number of rows (the batch for activations).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Cols { get; }

    /// <summary>Rows × Cols.</summary>
    public int Length => Rows * Cols;

    /// <summary>Whether a gradient is computed for this tensor in <see cref="Tape{T}.Backward"/>.</summary>
    public bool RequiresGrad { get; }

    /// <summary>The values, row-major.</summary>
    public Span<T> Values => _values.AsSpan(0, Length);

    /// <summary>dLoss/dValues after a backward pass; empty when there is none yet.</summary>
    public Span<T> Gradient => _gradient is null ? Span<T>.Empty : _gradient.AsSpan(0, Length);

    internal bool HasGradientStorage => _gradient is not null;

    internal void AttachGradient(T[] storage) => _gradient = storage;

    internal T[] ValueStorage => _values;

    internal T[]? GradientStorage => _gradient;

    /// <inheritdoc />
    public override string ToString() => $"Tensor<{typeof(T).Name}>[{Rows}×{Cols}]{(RequiresGrad ? " (grad)" : "")}";
}
