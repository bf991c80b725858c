using HwDsl.Kernels;

namespace HwDsl.Kernels.Tests;

public sealed class GemmMacPoolTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RunExecutesEveryIndexOnce(int threads)
    {
        using var pool = new MacPool(threads);
        for (var round = 0; round < 200; round++)
        {
            var tasks = round % 37;
            var hits = new int[tasks];
            pool.Run(tasks, i => Interlocked.Increment(ref hits[i]));
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public void SingleThreadPoolRunsInlineOnTheCaller()
    {
        using var pool = new MacPool(1);
        var caller = Environment.CurrentManagedThreadId;
        var seen = new int[8];
        pool.Run(8, i => seen[i] = Environment.CurrentManagedThreadId);
        Assert.All(seen, id => Assert.Equal(caller, id));
    }

    [Fact]
    public void WorkersAreBackgroundThreads()
    {
        using var pool = new MacPool(2);
        var caller = Environment.CurrentManagedThreadId;
        var ok = new bool[64];
        pool.Run(64, i =>
        {
            ok[i] = Environment.CurrentManagedThreadId == caller || Thread.CurrentThread.IsBackground;
            Thread.SpinWait(2000);
        });
        Assert.All(ok, Assert.True);
    }

    [Fact]
    public void ExceptionsPropagateAndThePoolStaysUsable()
    {
        using var pool = new MacPool(2);
        var ex = Assert.Throws<InvalidOperationException>(() => pool.Run(16, i => { if (i == 11) throw new InvalidOperationException("task 11"); }));
        Assert.Equal("task 11", ex.Message);
        var sum = 0;
        pool.Run(10, i => Interlocked.Add(ref sum, i));
        Assert.Equal(45, sum);
    }

    [Fact]
    public void NestedRunCompletesInline()
    {
        using var pool = new MacPool(2);
        var count = 0;
        pool.Run(4, _ => pool.Run(5, _ => Interlocked.Increment(ref count)));
        Assert.Equal(20, count);
    }

    [Fact]
    public void StructTasksRunWithoutAllocation()
    {
        using var pool = new MacPool(2);
        var data = new long[1000];
        pool.Run(10, new FillTask(data));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) pool.Run(10, new FillTask(data));
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.All(data, x => Assert.Equal(101, x));
    }

    [Fact]
    public void DisposeStopsThePool()
    {
        var pool = new MacPool(3);
        pool.Run(6, _ => { });
        pool.Dispose();
        pool.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pool.Run(2, _ => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MacPool(0));
    }

    private readonly struct FillTask(long[] data) : IMacPoolTask
    {
        public void Execute(int index)
        {
            for (var i = index * 100; i < index * 100 + 100; i++) data[i]++;
        }
    }
}
