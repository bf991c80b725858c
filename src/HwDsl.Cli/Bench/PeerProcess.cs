using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HwDsl.Cli.Bench;

/// <summary>
/// The PyTorch/OpenBLAS peer (bench/peer/peer.py) as a long-lived process spoken to in JSON lines, so its
/// runs can be interleaved with ours in one benchmark run. It gets its best settings: OpenBLAS's AVX-512
/// kernels where the CPU has AVX-512 (Debian's OpenBLAS does not detect that CPU on its own), the
/// library's own detection elsewhere (forcing SkylakeX on a CPU without AVX-512 crashes it).
/// </summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;

    private PeerProcess(Process process, JsonObject ready) => (_process, Ready) = (process, ready);

    /// <summary>What the peer reported on start: versions, threads, BLAS configuration.</summary>
    public JsonObject Ready { get; }

    /// <summary>The OpenBLAS core type the peer is given on this CPU, or null for its own detection.</summary>
    public static string? BestCoreType() => CpuHasAvx512() ? "SkylakeX" : null;

    public static PeerProcess Start(string python, string script, int threads)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add("--threads");
        info.ArgumentList.Add(threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var coreType = BestCoreType();
        info.Environment["OPENBLAS_CORETYPE"] = coreType ?? "";
        if (coreType is null) info.Environment.Remove("OPENBLAS_CORETYPE");
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new UserInputException($"could not start the peer '{python} {script}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UserInputException($"could not start the peer with '{python}': {e.Message}. Install Debian's python3-torch (apt-get install python3-torch libopenblas0-pthread) or pass --python.");
        }
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        var line = process.StandardOutput.ReadLine();
        if (line is null || JsonNode.Parse(line) is not JsonObject ready || ready["ready"]?.GetValue<bool>() != true)
        {
            process.WaitForExit(5000);
            string tail;
            lock (stderr) tail = stderr.ToString().Trim().Split('\n').LastOrDefault() ?? "";
            throw new UserInputException($"the peer '{python} {script}' did not start: {(tail.Length > 0 ? tail : line ?? "no output")}. It needs Debian's python3-torch and python3-numpy.");
        }
        return new PeerProcess(process, ready);
    }

    public JsonObject Send(object command)
    {
        _process.StandardInput.WriteLine(JsonSerializer.Serialize(command));
        _process.StandardInput.Flush();
        var line = _process.StandardOutput.ReadLine() ?? throw new UserInputException("the peer exited during the benchmark.");
        var answer = JsonNode.Parse(line) as JsonObject ?? throw new UserInputException($"the peer answered '{line}', not a JSON object.");
        if (answer["error"] is { } error) throw new UserInputException($"the peer failed: {error}");
        WaitUntilIdle();
        return answer;
    }

    /// <summary>
    /// Returns once the peer has used no CPU for 20 ms (at most after 2 s). Its BLAS and OpenMP threads spin for a while
    /// after each call (OpenBLAS's thread timeout is 2^28 cycles, ≈ 0.1 s), and on 2 cores that took one of them from
    /// our next round: a 2-thread GEMM right after the peer's measured 0.78× where it measures 1.26× alone.
    /// </summary>
    private void WaitUntilIdle()
    {
        var deadline = Stopwatch.StartNew();
        _process.Refresh();
        var last = _process.TotalProcessorTime;
        while (deadline.ElapsedMilliseconds < 2000)
        {
            Thread.Sleep(20);
            _process.Refresh();
            var now = _process.TotalProcessorTime;
            if (now - last < TimeSpan.FromMilliseconds(1)) return;
            last = now;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine("{\"cmd\":\"quit\"}");
                _process.StandardInput.Flush();
                if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
            }
        }
        catch (IOException) { }
        _process.Dispose();
    }

    private static bool CpuHasAvx512()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").Any(l => l.StartsWith("flags", StringComparison.Ordinal) && l.Contains(" avx512f", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
        }
    }
}
