# Time from starting `hwdsl repl` to the answer of the first submission (Roslyn warmed up), through a pty.
import os, pty, select, statistics, sys, time
hwdsl = sys.argv[1]
times = []
for _ in range(3):
    t = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(hwdsl, [hwdsl, "repl"])
    buf = b""; sent = False
    while True:
        r, _, _ = select.select([fd], [], [], 60)
        if not r: raise SystemExit("timeout: " + buf.decode(errors="replace"))
        buf += os.read(fd, 4096)
        if not sent and b"hwdsl> " in buf:
            os.write(fd, b"6*7\r"); sent = True; buf = b""
        elif sent and b"42" in buf:
            break
    times.append(time.perf_counter() - t)
    os.kill(pid, 9); os.waitpid(pid, 0); os.close(fd)
print(f"hwdsl repl, first answer (6*7): median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, n={len(times)})")
