namespace HwDsl.Stress.Tests;

/// <summary>
/// Background threads that make a 2-core machine oversubscribed, so pool workers are preempted at arbitrary
/// instructions (what a loaded CI machine does now and then), and optionally a thread forcing garbage collections.
/// The MacPool race of issue 18 showed up about once per 100,000 jobs with four such threads and never without.
/// </summary>
internal sealed class Pressure : IDisposable
{
    private readonly List<Thread> _threads = [];
    private volatile bool _stop;

    public Pressure(int hogs, bool collect)
    {
        for (var i = 0; i < hogs; i++) Start(() => { while (!_stop) Thread.SpinWait(500); });
        if (collect)
            Start(() =>
            {
                var garbage = new List<byte[]>();
                while (!_stop)
                {
                    for (var i = 0; i < 64; i++) garbage.Add(new byte[1024 + i * 37]);
                    garbage.Clear();
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    Thread.Sleep(1);
                }
            });
    }

    public long Collections => GC.CollectionCount(0);

    public void Dispose()
    {
        _stop = true;
        foreach (var t in _threads) t.Join();
    }

    private void Start(Action body)
    {
        var t = new Thread(() => body()) { IsBackground = true, Name = "stress pressure" };
        _threads.Add(t);
        t.Start();
    }
}
