using System.Numerics;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// Records operations as they run forward and replays their backward rules in reverse. Intermediate
/// tensors and their gradients come from a pool owned by the tape and are recycled by <see cref="Reset"/>,
/// so a training step allocates no large arrays after the first one.
/// </summary>
public sealed class Tape<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<TapeOp<T>> _ops = [];
    private readonly Dictionary<int, Stack<T[]>> _free = [];
    private readonly List<T[]> _rented = [];

    /// <summary>Creates a tape whose matrix products run on <paramref name="pool"/> (all cores when null).</summary>
    public Tape(MacPool? pool = null) => Pool = pool ?? MacPool.Shared;

    /// <summary>The worker pool the MAC core runs on.</summary>
    public MacPool Pool { get; }

    /// <summary>When false (evaluation), ops record nothing and no gradients are kept.</summary>
    public bool Recording { get; set; } = true;

    /// <summary>Number of ops recorded since the last reset.</summary>
    public int Count => _ops.Count;

    /// <summary>A tensor of values copied from <paramref name="values"/> into tape storage; no gradient flows into it.</summary>
    public Tensor<T> Input(ReadOnlySpan<T> values, int rows, int cols)
    {
        var t = new Tensor<T>(rows, cols, Rent(rows * cols, clear: false), requiresGrad: false);
        values[..(rows * cols)].CopyTo(t.Values);
        return t;
    }

    /// <summary>An uninitialised output tensor in tape storage. It requires a gradient when recording and
    /// any of its inputs does.</summary>
    public Tensor<T> Output(int rows, int cols, bool inputsRequireGrad)
        => new(rows, cols, Rent(rows * cols, clear: false), Recording && inputsRequireGrad);

    /// <summary>Records <paramref name="op"/> when its output takes part in differentiation.</summary>
    public void Record(TapeOp<T> op, Tensor<T> output)
    {
        if (output.RequiresGrad) _ops.Add(op);
    }

    /// <summary>
    /// The gradient buffer of <paramref name="t"/>, created zeroed on first use, or empty when <paramref name="t"/>
    /// needs no gradient (a backward rule then skips that input).
    /// </summary>
    public Span<T> GradientOf(Tensor<T> t)
    {
        if (!t.RequiresGrad) return Span<T>.Empty;
        if (!t.HasGradientStorage) t.AttachGradient(Rent(t.Length, clear: true));
        return t.Gradient;
    }

    /// <summary>Backpropagates from a scalar (1×1) <paramref name="loss"/>: parameters' gradients are added to.</summary>
    public void Backward(Tensor<T> loss)
    {
        if (loss.Length != 1) throw new ArgumentException($"Backward starts from a scalar loss; got a {loss.Rows}×{loss.Cols} tensor.");
        if (!loss.RequiresGrad) throw new InvalidOperationException("the loss does not depend on any parameter (or the tape was not recording).");
        GradientOf(loss)[0] = T.One;
        for (var i = _ops.Count - 1; i >= 0; i--) _ops[i].Backward(this);
    }

    /// <summary>Forgets recorded ops and recycles every tensor the tape handed out since the last reset.</summary>
    public void Reset()
    {
        _ops.Clear();
        foreach (var buffer in _rented)
        {
            if (!_free.TryGetValue(buffer.Length, out var stack)) _free[buffer.Length] = stack = new Stack<T[]>();
            stack.Push(buffer);
        }
        _rented.Clear();
    }

    private T[] Rent(int length, bool clear)
    {
        T[] buffer;
        if (_free.TryGetValue(length, out var stack) && stack.Count > 0)
        {
            buffer = stack.Pop();
            if (clear) Array.Clear(buffer);
        }
        else buffer = new T[length];
        _rented.Add(buffer);
        return buffer;
    }
}
