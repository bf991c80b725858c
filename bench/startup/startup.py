# Start-up times of the installed hwdsl: `hwdsl run` of a cached script (bench/startup/hello.csx), and through a pty the
# REPL's first prompt and the answer to its first submission.
#   /usr/bin/python3 bench/startup/startup.py ~/.dotnet/tools/hwdsl
import os, pty, select, statistics, subprocess, sys, time
hwdsl = sys.argv[1]
script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hello.csx")

def repl_until(ask):
    """Seconds from starting `hwdsl repl` to the first prompt, or (ask) to the answer of `6*7`."""
    t = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(hwdsl, [hwdsl, "repl"])
    buf, sent = b"", False
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 60)
            if not ready: raise SystemExit("no answer within 60 s: " + buf.decode(errors="replace"))
            buf += os.read(fd, 4096)
            if not sent and b"hwdsl> " in buf:
                if not ask: return time.perf_counter() - t
                os.write(fd, b"6*7\r"); sent, buf = True, b""
            elif sent and b"42" in buf:
                return time.perf_counter() - t
    finally:
        os.kill(pid, 9); os.waitpid(pid, 0); os.close(fd)

subprocess.run([hwdsl, "run", script], check=True, capture_output=True)  # fills the compile cache
runs = []
for _ in range(5):
    t = time.perf_counter(); r = subprocess.run([hwdsl, "run", script], capture_output=True, text=True); runs.append(time.perf_counter() - t)
    assert r.returncode == 0 and r.stdout.startswith("Experiment"), r.stdout + r.stderr
prompts = [repl_until(ask=False) for _ in range(5)]
answers = [repl_until(ask=True) for _ in range(3)]
f = lambda xs: f"median {statistics.median(xs):.2f} s (min {min(xs):.2f}, max {max(xs):.2f}, n={len(xs)})"
print("hwdsl run (cached script):    ", f(runs))
print("hwdsl repl, first prompt:     ", f(prompts))
print("hwdsl repl, first answer 6*7: ", f(answers))
