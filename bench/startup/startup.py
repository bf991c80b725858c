# Start-up times of the installed hwdsl: `hwdsl run` of a cached script (bench/startup/hello.csx), and the REPL's first prompt through a pty.
import os, pty, select, statistics, subprocess, sys, time
hwdsl = sys.argv[1]
script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hello.csx")
subprocess.run([hwdsl, "run", script], check=True, capture_output=True)  # fills the compile cache
runs = []
for _ in range(5):
    t = time.perf_counter(); r = subprocess.run([hwdsl, "run", script], capture_output=True, text=True); runs.append(time.perf_counter() - t)
    assert r.returncode == 0 and r.stdout.startswith("Experiment"), r.stdout + r.stderr
prompts = []
for _ in range(5):
    t = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(hwdsl, [hwdsl, "repl"])
    buf = b""
    while b"hwdsl> " not in buf:
        r, _, _ = select.select([fd], [], [], 60)
        if not r: raise SystemExit("no prompt within 60 s: " + buf.decode(errors="replace"))
        buf += os.read(fd, 4096)
    prompts.append(time.perf_counter() - t)
    os.write(fd, b"#exit\r")
    try:
        time.sleep(0.5); os.kill(pid, 9)
    except ProcessLookupError: pass
    os.waitpid(pid, 0); os.close(fd)
f = lambda xs: f"median {statistics.median(xs):.2f} s (min {min(xs):.2f}, max {max(xs):.2f}, n={len(xs)})"
print("hwdsl run (cached script):", f(runs))
print("hwdsl repl, first prompt: ", f(prompts))
