namespace HwDsl.Data.Tests;

public sealed class RandomShiftTests
{
    [Fact]
    public void Each_image_moves_as_a_whole_by_at_most_the_largest_shift_and_uncovered_pixels_are_zero()
    {
        // 6×5 images whose pixel (x, y) holds 1 + x + 10·y: a shifted image is recognisable pixel by pixel.
        const int w = 6, h = 5, rows = 400;
        var shift = new RandomShift(w, h, 2);
        var x = new float[rows * w * h];
        for (var r = 0; r < rows; r++)
            for (var p = 0; p < w * h; p++) x[r * w * h + p] = 1 + p % w + 10 * (p / w);
        shift.Apply(x, rows, seed: 3, epoch: 1, batch: 7);

        var seen = new HashSet<(int, int)>();
        for (var r = 0; r < rows; r++)
        {
            var image = x.AsSpan(r * w * h, w * h);
            // The value at (x, y) came from (x − dx, y − dy); find (dx, dy) from the first non-zero pixel, then check all.
            var first = image.IndexOfAnyExcept(0f);
            Assert.True(first >= 0, $"image {r} is empty");
            var v = (int)image[first] - 1;
            int dx = first % w - v % 10, dy = first / w - v / 10;
            Assert.InRange(dx, -2, 2);
            Assert.InRange(dy, -2, 2);
            seen.Add((dx, dy));
            for (var p = 0; p < w * h; p++)
            {
                int sx = p % w - dx, sy = p / w - dy;
                var expected = sx is >= 0 and < w && sy is >= 0 and < h ? 1 + sx + 10 * sy : 0f;
                Assert.Equal(expected, image[p]);
            }
        }
        Assert.Equal(25, seen.Count); // every (dx, dy) in [−2, 2]² occurs
    }

    [Fact]
    public void Shifts_replay_by_seed_epoch_and_batch_and_zero_shift_changes_nothing()
    {
        float[] Run(int seed, int epoch, int batch, int max = 3)
        {
            var x = Enumerable.Range(0, 10 * 64).Select(i => (float)(i % 7)).ToArray();
            new RandomShift(8, 8, max).Apply(x, 10, seed, epoch, batch);
            return x;
        }
        Assert.Equal(Run(1, 2, 3), Run(1, 2, 3));
        Assert.NotEqual(Run(1, 2, 3), Run(2, 2, 3));
        Assert.NotEqual(Run(1, 2, 3), Run(1, 3, 3));
        Assert.NotEqual(Run(1, 2, 3), Run(1, 2, 4));
        Assert.Equal(Enumerable.Range(0, 10 * 64).Select(i => (float)(i % 7)), Run(1, 2, 3, max: 0));
    }

    [Fact]
    public void Bad_sizes_are_refused_with_the_value_and_the_allowed_range()
    {
        var e = Assert.Throws<ArgumentException>(() => new RandomShift(28, 28, 28).Validate());
        Assert.Contains("0..27", e.Message);
        Assert.Contains("got 28", e.Message);
        Assert.Throws<ArgumentException>(() => new RandomShift(0, 28, 1).Validate());
        e = Assert.Throws<ArgumentException>(() => new RandomShift(4, 4, 1).Apply(new float[20], 2, 0, 0, 0));
        Assert.Contains("need 32", e.Message);
    }
}
