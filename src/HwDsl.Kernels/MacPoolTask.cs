namespace HwDsl.Kernels;

/// <summary>
/// One parallel-for body for <see cref="MacPool.Run{TTask}(int, TTask)"/>. A struct implementing it runs
/// without allocation; it is shared by all workers, so <see cref="Execute"/> must write only through
/// pointers, spans' backing arrays or other shared storage, never to the struct's own fields.
/// </summary>
public interface IMacPoolTask
{
    /// <summary>Runs task <paramref name="index"/> (0 ≤ index &lt; tasks); tasks run concurrently in any order.</summary>
    void Execute(int index);
}
