using System.Runtime.InteropServices;
using HwDsl.Kernels;

namespace HwDsl.Autodiff;

/// <summary>
/// All cores of one layer in one op: per core, gather its axons from the input (<see cref="GatherColumnsOp{T}"/>), turn
/// its connection weights into connections ([W ≥ 0.5] for learned binary crossbars, <see cref="BinarizeOp{T}"/>, or the
/// probabilities themselves) and give its neurons' Gaussian spike probabilities (<see cref="GaussianSpikeOp{T}"/>); the
/// cores' outputs side by side (<see cref="ConcatColumnsOp{T}"/>). It computes exactly what that composition computes, bit
/// for bit, forward and backward, for any thread count, but:
/// <list type="bullet">
/// <item>the cores run in parallel, one per pool thread, each core's products on its own thread (the composition
/// dispatched every product of 64–250 columns to the pool, ~180 dispatches a step);</item>
/// <item>spike inputs (+0 or 1, as threshold-encoded pixels and hard spikes are) take the sparse products of
/// <see cref="BinaryProducts"/>, which skip the zeros the MAC core would add;</item>
/// <item>with spike inputs and binary connections the two variance products cancel exactly (x² = x and
/// −p²s² = −ps², so the sums are S and −S), so they are not computed, nor the duplicate x²ᵀ·dv of backward.</item>
/// </list>
/// Float only; the double gradient checks run on the composition.
/// </summary>
public sealed class CoreLayerOp : TapeOp<float>
{
    private readonly Tensor<float> _input, _output;
    private readonly Core[] _cores;
    private readonly float[] _s;
    private readonly int _neurons;
    private readonly bool _binarize;

    private CoreLayerOp(Tensor<float> input, Tensor<float> output, Core[] cores, float[] s, int neurons, bool binarize)
        => (_input, _output, _cores, _s, _neurons, _binarize) = (input, output, cores, s, neurons, binarize);

    // One core's tensors: its gathered input, connections, moments, and μ → z and v → variance kept for backward.
    private sealed class Core(int[] sources, Tensor<float> w, Tensor<float> b, Tensor<float> x, Tensor<float> p,
        Tensor<float> m, Tensor<float> q1, Tensor<float> nq2, Tensor<float> x2, Tensor<float> z, Tensor<float> v, Tensor<float> lists)
    {
        public readonly int[] Sources = sources;
        public readonly Tensor<float> W = w, B = b, X = x, P = p, M = m, Q1 = q1, Nq2 = nq2, X2 = x2, Z = z, V = v, Lists = lists;
        public bool Spikes;
        public bool Cancel;
    }

    internal static Tensor<float> Forward(Tape<float> tape, Tensor<float> input, IReadOnlyList<int[]> sources,
        IReadOnlyList<Tensor<float>> weights, bool binarize, float[] s, IReadOnlyList<Tensor<float>> leaks, float smoothing, bool hard)
    {
        var count = weights.Count;
        if (count == 0 || sources.Count != count || leaks.Count != count)
            throw new ArgumentException($"core layer: {sources.Count} source lists, {count} weight matrices and {leaks.Count} leaks; one of each per core, at least one core.");
        int batch = input.Rows, neurons = weights[0].Cols;
        for (var c = 0; c < count; c++)
        {
            var axons = sources[c].Length;
            if (weights[c].Rows != axons || weights[c].Cols != neurons)
                throw new ArgumentException($"core layer: core {c} has {axons} axons and weights {weights[c].Rows}×{weights[c].Cols}; {axons}×{neurons} expected.");
            if (leaks[c].Rows != 1 || leaks[c].Cols != neurons)
                throw new ArgumentException($"core layer: core {c}'s leak is {leaks[c].Rows}×{leaks[c].Cols}; 1×{neurons} expected.");
            if (s.Length < axons * neurons) throw new ArgumentException($"core layer: axon weights hold {s.Length} values; {axons}×{neurons} needed.");
            foreach (var i in sources[c])
                if ((uint)i >= (uint)input.Cols) throw new ArgumentException($"core layer: core {c} reads column {i}, outside the input's {input.Cols} columns.");
        }

        var output = tape.Output(batch, count * neurons, input.RequiresGrad || weights.Any(w => w.RequiresGrad) || leaks.Any(b => b.RequiresGrad));
        var cores = new Core[count];
        for (var c = 0; c < count; c++)
        {
            var axons = sources[c].Length;
            var w = weights[c];
            cores[c] = new Core(sources[c], w, leaks[c], tape.Output(batch, axons, input.RequiresGrad),
                binarize ? tape.Output(axons, neurons, false) : w, tape.Output(axons, neurons, false), tape.Output(axons, neurons, false),
                tape.Output(axons, neurons, false), tape.Output(batch, axons, false), tape.Output(batch, neurons, false),
                tape.Output(batch, neurons, false), tape.Output(1, 2 * (batch * axons + batch + axons + 2), false));
        }

        var s0 = smoothing * smoothing;
        var ldy = count * neurons;
        tape.Pool.Run(count, c =>
        {
            var core = cores[c];
            var axons = core.Sources.Length;
            var x = core.X.Values;
            var rows = input.Values;
            for (var r = 0; r < batch; r++)
            {
                var src = rows.Slice(r * input.Cols, input.Cols);
                var dst = x.Slice(r * axons, axons);
                for (var k = 0; k < axons; k++) dst[k] = src[core.Sources[k]];
            }
            core.Spikes = BinaryProducts.IsBinary(x);
            core.Cancel = core.Spikes && binarize && axons <= 256 && neurons <= 256;
            if (binarize) GaussianSpikeKernels.Binarize(core.W.Values, core.P.Values);
            GaussianSpikeKernels.Moments(core.P.Values, s, core.M.Values, core.Q1.Values, core.Nq2.Values);

            var mu = core.Z.Values;
            var v = core.V.Values;
            if (core.Spikes)
            {
                RowLists(core, batch, axons, out var starts, out var columns);
                BinaryProducts.Index(x, batch, axons, transpose: false, starts, columns);
                BinaryProducts.SpikesTimes(starts, columns, core.M.Values, mu, batch, neurons, axons, core.B.Values);
            }
            else Gemm.Compute(x, core.M.Values, mu, batch, neurons, axons, GemmLayout.NN, false, core.B.Values, tape.Pool);

            if (core.Cancel) v.Clear();
            else
            {
                // x² is x itself for spikes (1·1 = 1, 0·0 = +0).
                var x2 = core.Spikes ? x : core.X2.Values;
                if (!core.Spikes) for (var k = 0; k < x.Length; k++) x2[k] = x[k] * x[k];
                Gemm.Compute(x, core.Q1.Values, v, batch, neurons, axons, GemmLayout.NN, false, default, tape.Pool);
                Gemm.Compute(x2, core.Nq2.Values, v, batch, neurons, axons, GemmLayout.NN, true, default, tape.Pool);
            }
            GaussianSpikeKernels.Forward(mu, v, batch, neurons, s0, hard, output.Values[(c * neurons)..], ldy);
        });

        var op = new CoreLayerOp(input, output, cores, s, neurons, binarize);
        tape.Record(op, output);
        return output;
    }

    /// <inheritdoc />
    public override void Backward(Tape<float> tape)
    {
        int batch = _input.Rows, neurons = _neurons, count = _cores.Length;
        var needInput = _input.RequiresGrad;
        if (needInput) tape.GradientOf(_input);
        var buffers = new (Tensor<float> Dmu, Tensor<float> Dv, Tensor<float> A, Tensor<float> C, Tensor<float> D, Tensor<float> Dx, Tensor<float> E)[count];
        for (var c = 0; c < count; c++)
        {
            var axons = _cores[c].Sources.Length;
            tape.GradientOf(_cores[c].W);
            tape.GradientOf(_cores[c].B);
            buffers[c] = (tape.Output(batch, neurons, false), tape.Output(batch, neurons, false), tape.Output(axons, neurons, false),
                tape.Output(axons, neurons, false), tape.Output(axons, neurons, false), tape.Output(batch, axons, false), tape.Output(batch, axons, false));
            if (needInput) buffers[c].Dx.Values.Clear();
        }

        var output = _output;
        var ldy = count * neurons;
        tape.Pool.Run(count, c =>
        {
            var core = _cores[c];
            var (dmuT, dvT, aT, cT, dT, dxT, eT) = buffers[c];
            var axons = core.Sources.Length;
            Span<float> dmu = dmuT.Values, dv = dvT.Values;
            // Several cores are joined by a concatenation, whose backward adds each part into a zeroed buffer first.
            GaussianSpikeKernels.Backward(output.Gradient[(c * neurons)..], ldy, count > 1, core.Z.Values, core.V.Values, batch, neurons, dmu, dv);
            if (core.B.RequiresGrad) Reductions.AddColumnSums<float>(dmu, batch, neurons, core.B.Gradient);

            if (core.W.RequiresGrad)
            {
                Span<float> a = aT.Values, cc = cT.Values, d = dT.Values;
                if (core.Spikes)
                {
                    RowLists(core, batch, axons, out var rowStarts, out var columns);
                    ColumnLists(core, batch, axons, out var starts, out var rows);
                    BinaryProducts.Transpose(rowStarts, columns, batch, axons, starts, rows);
                    BinaryProducts.SpikesTransposedTimes(starts, rows, dmu, a, axons, neurons, batch);
                    BinaryProducts.SpikesTransposedTimes(starts, rows, dv, cc, axons, neurons, batch);
                    d = cc; // x² = x, so x²ᵀ·dv is xᵀ·dv
                }
                else
                {
                    Gemm.Compute(core.X.Values, dmu, a, axons, neurons, batch, GemmLayout.TN, false, default, tape.Pool);
                    Gemm.Compute(core.X.Values, dv, cc, axons, neurons, batch, GemmLayout.TN, false, default, tape.Pool);
                    Gemm.Compute(core.X2.Values, dv, d, axons, neurons, batch, GemmLayout.TN, false, default, tape.Pool);
                }
                GaussianSpikeKernels.ConnectionGradient(a, cc, d, core.P.Values, _s, _binarize, core.W.Gradient);
            }

            if (!needInput) return;
            var dx = dxT.Values;
            var e = eT.Values;
            Gemm.Compute(dmu, core.M.Values, dx, batch, axons, neurons, GemmLayout.NT, true, default, tape.Pool);
            if (core.Cancel)
            {
                // dv·nq2ᵀ is exactly −(dv·q1ᵀ) here, and with one KC block dx + dv·q1ᵀ is dx + G.
                Gemm.Compute(dv, core.Q1.Values, e, batch, axons, neurons, GemmLayout.NT, false, default, tape.Pool);
                System.Numerics.Tensors.TensorPrimitives.Add(dx, e, dx);
                GaussianSpikeKernels.AddSquareTerm(core.X.Values, e, dx, negateE: true);
            }
            else
            {
                Gemm.Compute(dv, core.Q1.Values, dx, batch, axons, neurons, GemmLayout.NT, true, default, tape.Pool);
                Gemm.Compute(dv, core.Nq2.Values, e, batch, axons, neurons, GemmLayout.NT, false, default, tape.Pool);
                GaussianSpikeKernels.AddSquareTerm(core.X.Values, e, dx, negateE: false);
            }
        });

        if (!needInput) return;
        // Each core's gather adds its axons' gradients back to their sources, last core first (the tape's reverse order).
        var input = _input;
        var rowsPerTask = Math.Max(1, (batch + 4 * tape.Pool.Threads - 1) / (4 * tape.Pool.Threads));
        tape.Pool.Run((batch + rowsPerTask - 1) / rowsPerTask, t =>
        {
            for (var r = t * rowsPerTask; r < Math.Min(batch, (t + 1) * rowsPerTask); r++)
            {
                var dst = input.Gradient.Slice(r * input.Cols, input.Cols);
                for (var c = count - 1; c >= 0; c--)
                {
                    var sources = _cores[c].Sources;
                    var src = buffers[c].Dx.Values.Slice(r * sources.Length, sources.Length);
                    for (var k = 0; k < sources.Length; k++) dst[sources[k]] += src[k];
                }
            }
        });
    }

    // The core's index lists, in its float scratch reinterpreted as ints: row lists (μ) and column lists (backward).
    private static void RowLists(Core core, int batch, int axons, out Span<int> starts, out Span<int> columns)
    {
        var ints = MemoryMarshal.Cast<float, int>(core.Lists.Values);
        starts = ints[..(batch + 1)];
        columns = ints.Slice(batch + 1, batch * axons);
    }

    private static void ColumnLists(Core core, int batch, int axons, out Span<int> starts, out Span<int> rows)
    {
        var ints = MemoryMarshal.Cast<float, int>(core.Lists.Values)[(batch + 1 + batch * axons)..];
        starts = ints[..(axons + 1)];
        rows = ints.Slice(axons + 1, batch * axons);
    }
}

/// <summary>The core-layer op on a tape.</summary>
public static class CoreLayerExtensions
{
    /// <summary>
    /// The spike probabilities of a layer of cores, side by side in core order (see <see cref="CoreLayerOp"/>): core c reads
    /// input columns <paramref name="sources"/>[c] on its axons, has connection weights <paramref name="weights"/>[c]
    /// (binarized at 0.5 with <paramref name="binarize"/>), the layer's axon weights s and leak <paramref name="leaks"/>[c].
    /// </summary>
    public static Tensor<float> CoreLayer(this Tape<float> tape, Tensor<float> input, IReadOnlyList<int[]> sources,
        IReadOnlyList<Tensor<float>> weights, bool binarize, float[] s, IReadOnlyList<Tensor<float>> leaks, float smoothing, bool hard)
        => CoreLayerOp.Forward(tape, input, sources, weights, binarize, s, leaks, smoothing, hard);
}
