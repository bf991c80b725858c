using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using HwDsl.Data;
using HwDsl.Kernels;
using HwDsl.Training;

namespace HwDsl.Compiler;

/// <summary>
/// Monte-Carlo evaluation of a network of binary layers (and parameter-free activations) over many dies, batched: the
/// test images are packed once into the MAC core's panel layout (<see cref="GemmPackedA"/>) and multiplied by every die's
/// effective weights; the dies run in parallel, one per pool thread, each sampled, mapped and evaluated on its own
/// thread with single-threaded products. Every number is computed as the deployed network computes it on the tape
/// (same weights α·(k ⊙ sign(W) + o) in the same float operations, same products, same activation kernels, same
/// arg-max), so the accuracies are bit-identical to evaluating die after die, for any thread count.
/// </summary>
public static class BatchedDieEvaluation
{
    // Rows per pass: the whole MNIST test set (B is packed once per die and layer), within ~10 MB of activations per thread.
    private const int MaxRows = 10000;

    /// <summary>True when every layer is a binary dense layer or an activation, the first a binary layer.</summary>
    public static bool Supports(CompiledNetwork network) =>
        network.Layers.Count > 0 && network.Layers[0] is BinaryDenseLayer
        && network.Layers.All(l => l is BinaryDenseLayer or ActivationLayer<float>);

    /// <summary>Accuracy per die; with <paramref name="logits"/> (tests) each die's last-layer outputs are kept there too.</summary>
    public static double[] Run(CompiledNetwork network, int count, Func<int, DieMap> die, DataSplit test, MacPool pool, float[][]? logits = null)
    {
        var layers = network.Layers;
        var binary = layers.OfType<BinaryDenseLayer>().ToArray();
        // The deployed states sign(W), as SignOp computes them, and the scale α, read once.
        var states = binary.Select(b => b.Weights.Values.ToArray().Select(w => w >= 0 ? 1f : -1f).ToArray()).ToArray();
        var scales = binary.Select(b => b.Scale.Values[0]).ToArray();
        var chunks = new List<(int Start, int Rows, GemmPackedA Packed, SparseRows? Sparse)>();
        var features = test.FeatureCount;
        for (var start = 0; start < test.Count; start += MaxRows)
        {
            var rows = Math.Min(MaxRows, test.Count - start);
            var x = test.Features.AsMemory(start * features, rows * features);
            chunks.Add((start, rows, GemmPackedA.Pack(x, rows, features, pool: pool), SparseRows.IfSparse(x.Span, rows, features)));
        }

        var accuracies = new double[count];
        var buffers = new ConcurrentBag<Buffers>();
        pool.Run(count, index =>
        {
            if (!buffers.TryTake(out var b)) b = new Buffers(binary, Math.Min(MaxRows, test.Count), layers);
            try
            {
                var map = die(index);
                for (var l = 0; l < binary.Length; l++)
                {
                    binary[l].Mapping.Affine(map.For(binary[l].Hardware.Index), b.K[l], b.O[l]);
                    Effective(scales[l], b.K[l], states[l], b.O[l], b.Weights[l]);
                }
                long correct = 0;
                foreach (var (start, rows, packed, sparse) in chunks)
                {
                    correct += Correct(layers, binary, b, packed, sparse, rows, test.Labels.AsSpan(start, rows), pool, out var outputs);
                    if (logits is not null)
                    {
                        logits[index] ??= new float[test.Count * test.ClassCount];
                        outputs.CopyTo(logits[index].AsSpan(start * test.ClassCount));
                    }
                }
                accuracies[index] = (double)correct / test.Count;
            }
            finally { buffers.Add(b); }
        });
        return accuracies;
    }

    // w = α·(k·v + o) in float, each operation rounded as DieWeightsOp rounds it (no fused multiply-add).
    private static void Effective(float a, float[] k, float[] v, float[] o, float[] w)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var va = Vector256.Create(a);
            for (; i + 8 <= w.Length; i += 8)
                ((Vector256.Create<float>(k.AsSpan(i, 8)) * Vector256.Create<float>(v.AsSpan(i, 8)) + Vector256.Create<float>(o.AsSpan(i, 8))) * va)
                    .CopyTo(w.AsSpan(i, 8));
        }
        for (; i < w.Length; i++) w[i] = a * (k[i] * v[i] + o[i]);
    }

    private static long Correct(IReadOnlyList<ILayer<float>> layers, BinaryDenseLayer[] binary, Buffers b, GemmPackedA input,
        SparseRows? sparse, int rows, ReadOnlySpan<int> labels, MacPool pool, out ReadOnlySpan<float> last)
    {
        var width = binary[0].Weights.Cols;
        var x = b.Activations[0].AsSpan(0, rows * width);
        // Images with mostly exact zeros (MNIST: ~80 %) through their non-zeros only, bit for bit the dense product.
        if (sparse is not null)
            SparseProducts.RowsTimes(sparse.Starts, sparse.Columns, sparse.Values, b.Weights[0], x, rows, width, input.Depth, binary[0].Bias.Values);
        else Gemm.Compute(input, b.Weights[0], x, width, GemmLayout.NN, false, binary[0].Bias.Values, pool);
        var current = 0;
        var next = 1;
        for (var l = 1; l < layers.Count; l++)
        {
            switch (layers[l])
            {
                case ActivationLayer<float> activation:
                    Activate(activation.Kind, x, x);
                    break;
                case BinaryDenseLayer dense:
                    var index = Array.IndexOf(binary, dense);
                    var outputs = dense.Weights.Cols;
                    var y = b.Activations[next].AsSpan(0, rows * outputs);
                    Gemm.Compute(x, b.Weights[index], y, rows, outputs, width, GemmLayout.NN, false, dense.Bias.Values, pool);
                    (current, next) = (next, current);
                    x = y;
                    width = outputs;
                    break;
            }
        }
        last = x;
        long correct = 0;
        for (var i = 0; i < rows; i++)
            if (TensorPrimitives.IndexOfMax<float>(x.Slice(i * width, width)) == labels[i]) correct++;
        return correct;
    }

    // The kernels the activation ops call, so values match the tape's.
    private static void Activate(Activation kind, ReadOnlySpan<float> x, Span<float> y)
    {
        switch (kind)
        {
            case Activation.Relu: Activations.Relu<float>(x, y); break;
            case Activation.ClippedRelu: Activations.HardClip(x, 0f, 1f, y); break;
            case Activation.Tanh: Activations.Tanh<float>(x, y); break;
            case Activation.Sigmoid: Activations.Sigmoid<float>(x, y); break;
            case Activation.Sign:
                // SignOp's x ≥ 0 ? 1 : −1 (NaN → −1, −0 → 1), eight at a time: the scalar loop was 11 % of the evaluation.
                var i = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    var one = Vector256.Create(1f);
                    for (; i + 8 <= x.Length; i += 8)
                        Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(Vector256.Create(x.Slice(i, 8)), Vector256<float>.Zero), one, -one)
                            .CopyTo(y.Slice(i, 8));
                }
                for (; i < x.Length; i++) y[i] = x[i] >= 0f ? 1f : -1f;
                break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown activation");
        }
    }

    // The test images' non-zeros, row by row, when at most half the values are non-zero (below that the sparse product
    // does less work than the dense one).
    private sealed record SparseRows(int[] Starts, int[] Columns, float[] Values)
    {
        public static SparseRows? IfSparse(ReadOnlySpan<float> x, int rows, int cols)
        {
            var nonZero = x.Length - Zeros(x);
            if (nonZero > x.Length / 2) return null;
            var sparse = new SparseRows(new int[rows + 1], new int[nonZero], new float[nonZero]);
            SparseProducts.Index(x, rows, cols, sparse.Starts, sparse.Columns, sparse.Values);
            return sparse;
        }

        private static int Zeros(ReadOnlySpan<float> x)
        {
            var zeros = 0;
            foreach (var v in x) if (v == 0f) zeros++;
            return zeros;
        }
    }

    private sealed class Buffers
    {
        public Buffers(BinaryDenseLayer[] binary, int rows, IReadOnlyList<ILayer<float>> layers)
        {
            K = [.. binary.Select(l => new float[l.Weights.Length])];
            O = [.. binary.Select(l => new float[l.Weights.Length])];
            Weights = [.. binary.Select(l => new float[l.Weights.Length])];
            var widest = binary.Max(l => l.Weights.Cols);
            Activations = [new float[rows * widest], new float[rows * widest]];
        }

        public float[][] K { get; }
        public float[][] O { get; }
        public float[][] Weights { get; }
        public float[][] Activations { get; }
    }
}
