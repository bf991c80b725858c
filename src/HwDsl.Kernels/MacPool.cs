using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace HwDsl.Kernels;

/// <summary>
/// The worker threads the MAC core runs on: a fixed number of persistent background threads, of which the
/// calling thread is one. <see cref="Shared"/> uses every core; create one with a fixed thread count for
/// reproducible or measured runs. Kernels split work over independent outputs only, so results never depend
/// on the thread count.
/// </summary>
/// <remarks>
/// <see cref="Parallel.For(int, int, Action{int})"/> per kernel call was unreliable on the shared VM this was
/// tuned on; persistent workers that spin briefly (yielding) and then block were steadier. Tasks are claimed
/// dynamically, so a preempted worker's share is picked up by the others. A call made while the pool is busy
/// (from a task body, or from a second thread) runs inline on its caller.
/// </remarks>
public sealed unsafe class MacPool : IDisposable
{
    // How long an idle worker spins (yielding) before it blocks: long enough to cover the gap between
    // consecutive kernels of one training step, short enough not to burn a core between steps.
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000; // 200 µs

    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private int _generation;
    private int _sleepers;
    private int _busy;
    private volatile bool _disposed;

    // The current job. _ticket packs (generation << 32) | next unclaimed index, so a worker that wakes late
    // can never claim an index of a newer job with a stale view of it.
    private long _ticket;
    private int _tasks;
    private int _done;
    private delegate*<void*, int, void> _invoke;
    private void* _state;
    private Exception? _error;

    /// <summary>Creates a pool of <paramref name="threads"/> workers (the calling thread counts as one).</summary>
    public MacPool(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), $"threads must be at least 1; got {threads}.");
        Threads = threads;
        _workers = new Thread[threads - 1];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(WorkerLoop) { IsBackground = true, Name = $"MacPool worker {i + 1}/{threads}" };
            _workers[i].Start();
        }
    }

    /// <summary>A pool over all cores of this machine.</summary>
    public static MacPool Shared { get; } = new(Environment.ProcessorCount);

    /// <summary>How many threads run work (including the caller).</summary>
    public int Threads { get; }

    /// <summary>
    /// Runs <c>task.Execute(i)</c> for every i in [0, <paramref name="tasks"/>) on the pool's threads and returns
    /// when all are done. Allocation-free. The first exception thrown by a task is rethrown here after all tasks end.
    /// </summary>
    public void Run<TTask>(int tasks, TTask task) where TTask : struct, IMacPoolTask
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (tasks <= 0) return;
        if (tasks == 1 || _workers.Length == 0 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (var i = 0; i < tasks; i++) task.Execute(i);
            return;
        }

        try
        {
            // Close the previous job's ticket before touching the job's fields. A worker still looping in
            // Participate(previous) can read the new _tasks below; without this its claim on the old ticket
            // (previous, n) would succeed and run task n of *this* job early, twice, and count it in _done, so this
            // call could return while a task still runs on a dead stack frame (the 2-thread NullReferenceException
            // in the GEMM micro-kernel). With the ticket moved on, that claim fails.
            var generation = _generation + 1;
            Interlocked.Exchange(ref _ticket, ((long)generation << 32) | int.MaxValue);

            // `task` is a parameter on this frame, which outlives the job: workers reach it through a pointer.
            _invoke = &Invoke<TTask>;
            _state = Unsafe.AsPointer(ref task);
            _tasks = tasks;
            _done = 0;
            _error = null;
            Volatile.Write(ref _ticket, (long)generation << 32);
            Interlocked.Exchange(ref _generation, generation);
            if (Volatile.Read(ref _sleepers) > 0)
                lock (_gate) Monitor.PulseAll(_gate);

            Participate(generation);
            var spins = 0;
            while (Volatile.Read(ref _done) < tasks)
            {
                if ((++spins & 7) == 0) Thread.Yield();
                else Thread.SpinWait(20);
            }

            _state = null;
            if (_error is { } error) ExceptionDispatchInfo.Throw(error);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Runs <paramref name="body"/>(i) for every i in [0, <paramref name="tasks"/>) on the pool's threads.</summary>
    public void Run(int tasks, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Run(tasks, new ActionTask(body));
    }

    /// <summary>Stops the workers. Work already running finishes; later <see cref="Run{TTask}"/> calls throw.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Interlocked.Increment(ref _generation);
        lock (_gate) Monitor.PulseAll(_gate);
        foreach (var worker in _workers) worker.Join(TimeSpan.FromSeconds(1));
    }

    private static void Invoke<TTask>(void* state, int index) where TTask : struct, IMacPoolTask =>
        Unsafe.AsRef<TTask>(state).Execute(index);

    private void Participate(int generation)
    {
        while (true)
        {
            var ticket = Volatile.Read(ref _ticket);
            if ((int)(ticket >> 32) != generation) return;
            var index = (int)ticket;
            // If the job moved on since the ticket was read, _tasks may be stale, but then the CAS below fails.
            if (index >= Volatile.Read(ref _tasks)) return;
            if (Interlocked.CompareExchange(ref _ticket, ticket + 1, ticket) != ticket) continue;

            // The job cannot finish (and its fields cannot change) before this claimed index is done.
            try { _invoke(_state, index); }
            catch (Exception e) { Interlocked.CompareExchange(ref _error, e, null); }
            Interlocked.Increment(ref _done);
        }
    }

    private void WorkerLoop()
    {
        var seen = 0;
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            var spins = 0;
            int generation;
            while ((generation = Volatile.Read(ref _generation)) == seen && !_disposed)
            {
                if (Stopwatch.GetTimestamp() - start < SpinTicks)
                {
                    // The wait must yield: a pure spin can hold off a preempted peer for a whole time slice.
                    if ((++spins & 7) == 0) Thread.Yield();
                    else Thread.SpinWait(20);
                    continue;
                }

                lock (_gate)
                {
                    Interlocked.Increment(ref _sleepers);
                    while (Volatile.Read(ref _generation) == seen && !_disposed) Monitor.Wait(_gate);
                    Interlocked.Decrement(ref _sleepers);
                }
                start = Stopwatch.GetTimestamp();
            }

            if (_disposed) return;
            seen = generation;
            Participate(generation);
        }
    }

    private readonly struct ActionTask(Action<int> body) : IMacPoolTask
    {
        public void Execute(int index) => body(index);
    }
}
