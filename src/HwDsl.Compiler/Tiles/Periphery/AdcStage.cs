using System.Numerics;
using System.Runtime.Intrinsics;

namespace HwDsl.Compiler;

/// <summary>
/// <see cref="Adc"/>: per tile, the column current y/s (s = <see cref="TileBlock.Scale"/>) is clipped to [−B, B] and
/// rounded to Δ = B/(2^(bits−1) − 1). B is fixed, or calibrated per tile: as deployed, on the calibration pass after each
/// programming (the percentile of |y/s| over the tile's outputs on the calibration batch, then kept for every later read of
/// that programming); in hardware-aware
/// training, from each batch's own outputs. Deployed passes count saturated outputs; training passes keep a mask for the
/// straight-through gradient (1 inside the range, 0 where clipped).
/// </summary>
internal sealed class AdcStage(Adc spec, bool inTraining) : IOutputStage, ICalibratedStage, ISaturatingStage
{
    private readonly int _levels = (1 << (spec.Bits - 1)) - 1;
    private float[] _bounds = [];
    private byte[][] _masks = [];
    private float[] _scratch = [];
    private float[] _heap = [];

    public string Name => spec.ToString();

    public bool NeedsCalibration => spec.Range is CalibratedAdcRange;

    public bool Calibrating { get; set; }

    private long _saturated, _converted;

    public long Saturated => Interlocked.Read(ref _saturated);

    public long Converted => Interlocked.Read(ref _converted);

    /// <summary>The bound B of each tile after the last programming (NaN until calibrated).</summary>
    internal IReadOnlyList<float> Bounds => _bounds;

    public void ResetCounts() => (_saturated, _converted) = (0, 0);

    public bool ActsIn(NetworkPhase phase) => phase == NetworkPhase.Deployed || (phase == NetworkPhase.Train && inTraining);

    // As deployed and not calibrating: each vector is converted on its own (the counts are added atomically). In training
    // the mask buffers are per batch, and a calibrated range there comes from the whole batch.
    public bool RowWise(NetworkPhase phase) => phase == NetworkPhase.Deployed && !(NeedsCalibration && Calibrating);

    public void Program(AnalogArray array, ProgramContext context)
    {
        // A later read of the same programming keeps the bounds calibrated right after it (calibration is part of programming).
        if (context.Read > 0 && _bounds.Length == array.Tiles.Count && !_bounds.Any(float.IsNaN)) return;
        var fixedBound = spec.Range is FixedAdcRange f ? (float)f.Bound : float.NaN;
        _bounds = [.. Enumerable.Repeat(fixedBound, array.Tiles.Count)];
    }

    public void Forward(TileBounds tile, TileBlock outputs)
    {
        if (_bounds.Length <= tile.Index) _bounds = [.. _bounds, .. Enumerable.Repeat(spec.Range is FixedAdcRange f ? (float)f.Bound : float.NaN, tile.Index + 1 - _bounds.Length)];
        var train = outputs.Phase == NetworkPhase.Train;
        var bound = _bounds[tile.Index];
        if (NeedsCalibration && (train || Calibrating))
        {
            bound = Percentile(outputs, ((CalibratedAdcRange)spec.Range).Percentile);
            if (!train) _bounds[tile.Index] = bound;
        }
        else if (float.IsNaN(bound))
            throw new InvalidOperationException($"the ADC of tile {tile.Index} has a calibrated range but was not calibrated after programming (CompiledNetwork.CalibrationInputs).");
        var mask = train ? Mask(tile, outputs.Batch * outputs.Columns) : default;
        long saturated = 0;
        for (var i = 0; i < outputs.Batch; i++)
        {
            var s = outputs.Scale(i);
            // 1/s: the same factor the calibration took |y/s| with, so its largest value does not clip.
            saturated += Convert(outputs.Row(i), 1 / s, bound, bound * s, train ? mask.Slice(i * outputs.Columns, outputs.Columns) : default);
        }
        if (outputs.Phase == NetworkPhase.Deployed && !Calibrating)
        {
            Interlocked.Add(ref _saturated, saturated);
            Interlocked.Add(ref _converted, outputs.Batch * (long)outputs.Columns);
        }
    }

    public void Backward(TileBounds tile, TileBlock gradient)
    {
        if (gradient.Phase != NetworkPhase.Train) return;
        var mask = _masks[tile.Index];
        for (var i = 0; i < gradient.Batch; i++)
        {
            var row = gradient.Row(i);
            for (var j = 0; j < row.Length; j++)
                if (mask[i * gradient.Columns + j] == 0) row[j] = 0;
        }
    }

    // One vector's conversions: v clipped to ±b where |v/s| > B (counted), then rounded to the step b/levels; the mask (when
    // given) keeps 1 inside the range and 0 where clipped. Eight lanes at a time, the same operations in the tail.
    private int Convert(Span<float> row, float current, float bound, float b, Span<byte> mask)
    {
        var step = b / _levels;
        var inverse = 1 / step;
        var saturated = 0;
        var j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var (vCurrent, vBound, vB, vStep, vInverse, sign) = (Vector256.Create(current), Vector256.Create(bound), Vector256.Create(b),
                Vector256.Create(step), Vector256.Create(inverse), Vector256.Create(-0f));
            for (; j + 8 <= row.Length; j += 8)
            {
                var v = Vector256.LoadUnsafe(ref row[j]);
                var inside = Vector256.LessThanOrEqual(Vector256.Abs(v * vCurrent), vBound);
                v = Vector256.ConditionalSelect(inside, v, (v & sign) | vB);
                (vStep * Vector256.Round(v * vInverse)).StoreUnsafe(ref row[j]);
                var bits = inside.ExtractMostSignificantBits();
                saturated += 8 - BitOperations.PopCount(bits);
                if (!mask.IsEmpty)
                    for (var k = 0; k < 8; k++) mask[j + k] = (byte)(bits >> k & 1);
            }
        }
        for (; j < row.Length; j++)
        {
            var v = row[j];
            var inside = MathF.Abs(v * current) <= bound;
            if (!inside) { v = MathF.CopySign(b, v); saturated++; }
            row[j] = step * MathF.Round(v * inverse);
            if (!mask.IsEmpty) mask[j] = inside ? (byte)1 : (byte)0;
        }
        return saturated;
    }

    private Span<byte> Mask(TileBounds tile, int length)
    {
        if (_masks.Length <= tile.Index) Array.Resize(ref _masks, tile.Index + 1);
        if (_masks[tile.Index] is null || _masks[tile.Index].Length < length) _masks[tile.Index] = new byte[length];
        return _masks[tile.Index].AsSpan(0, length);
    }

    // The p-th percentile of |y/s| over the tile's outputs (nearest rank). A high percentile is the k-th largest value for a
    // small k (the 99.9th of 256,000 outputs is the 257th largest), found in one pass with a min-heap of the k largest:
    // almost every value is rejected by one comparison with the heap's top. Otherwise by selection. A tile that sees only
    // zeros keeps a tiny positive bound so the quantizer stays defined.
    private float Percentile(TileBlock outputs, double percentile)
    {
        var n = outputs.Batch * outputs.Columns;
        var rank = Math.Clamp((int)Math.Ceiling(percentile / 100 * n) - 1, 0, n - 1);
        var value = n - rank <= LargestByHeap ? Largest(outputs, n - rank) : Select(Magnitudes(outputs, n), rank);
        return value > 0 ? value : float.Epsilon * 1e6f;
    }

    private const int LargestByHeap = 4096;

    // The k-th largest |y/s|. Once the heap is full, eight values at a time are compared with its top, and only a group
    // with one above it goes through the heap (almost none: the top only grows).
    private float Largest(TileBlock outputs, int k)
    {
        if (_heap.Length < k) _heap = new float[k];
        var heap = _heap.AsSpan(0, k);
        var count = 0;
        for (var i = 0; i < outputs.Batch; i++)
        {
            var inverse = 1 / outputs.Scale(i);
            var row = outputs.Row(i);
            var j = 0;
            if (Vector256.IsHardwareAccelerated && count == k)
            {
                var vInverse = Vector256.Create(inverse);
                for (; j + 8 <= row.Length; j += 8)
                {
                    var v = Vector256.Abs(Vector256.LoadUnsafe(ref row[j]) * vInverse);
                    if (Vector256.GreaterThanAny(v, Vector256.Create(heap[0])))
                        for (var l = 0; l < 8; l++) if (v[l] > heap[0]) Replace(heap, v[l]);
                }
            }
            for (; j < row.Length; j++)
            {
                var v = MathF.Abs(row[j] * inverse);
                if (count < k) Push(heap, count++, v);
                else if (v > heap[0]) Replace(heap, v);
            }
        }
        return heap[0];
    }

    private static void Push(Span<float> heap, int count, float v)
    {
        var i = count;
        for (; i > 0 && heap[(i - 1) / 2] > v; i = (i - 1) / 2) heap[i] = heap[(i - 1) / 2];
        heap[i] = v;
    }

    private static void Replace(Span<float> heap, float v)
    {
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= heap.Length) break;
            if (child + 1 < heap.Length && heap[child + 1] < heap[child]) child++;
            if (heap[child] >= v) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = v;
    }

    private Span<float> Magnitudes(TileBlock outputs, int n)
    {
        if (_scratch.Length < n) _scratch = new float[n];
        var values = _scratch.AsSpan(0, n);
        for (var i = 0; i < outputs.Batch; i++)
        {
            var inverse = 1 / outputs.Scale(i);
            var row = outputs.Row(i);
            for (var j = 0; j < row.Length; j++) values[i * outputs.Columns + j] = MathF.Abs(row[j] * inverse);
        }
        return values;
    }

    // Hoare quickselect: the k-th smallest of values (reordered in place).
    private static float Select(Span<float> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            var pivot = values[lo + (hi - lo) / 2];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j) { (values[i], values[j]) = (values[j], values[i]); i++; j--; }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return values[k];
        }
        return values[k];
    }
}
