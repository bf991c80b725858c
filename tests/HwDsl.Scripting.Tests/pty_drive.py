"""Drives a command through a pseudo-terminal as a user would: types each step's keys, waits until the output shows
what the step expects, and at the end prints the screen as a terminal shows it (Debian's python3-pyte emulates one,
scrolled-off lines included), then "[exit N]" when the command ended by itself within 10 s. With $PTY_RAW set, the
raw output (escape sequences and all) is also written to that file.
Usage: pty_drive.py STEPS.json COLUMNS ROWS -- command args...
STEPS is a list of {"send": keys, "expect": regex, "timeout": seconds}; the regex is searched in what the command
printed after the keys were sent, with escape sequences removed. An expect that never appears exits 3."""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time
import pyte

steps = json.load(open(sys.argv[1]))
cols, rows = int(sys.argv[2]), int(sys.argv[3])
argv = sys.argv[sys.argv.index("--") + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm"
    os.environ["COLUMNS"], os.environ["LINES"] = str(cols), str(rows)
    os.execvp(argv[0], argv)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

screen = pyte.HistoryScreen(cols, rows, history=100000, ratio=0.5)
stream = pyte.ByteStream(screen)
transcript = b""
ansi = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x1b\][^\x07]*\x07")

def read(timeout):
    global transcript
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    if not chunk:
        return False
    transcript += chunk
    stream.feed(chunk)
    return True

def pump(until):
    while time.time() < until:
        if not read(0.02):
            return

def plain(start):
    return ansi.sub(b"", transcript[start:])

status = 0
for step in steps:
    start = len(transcript)
    if step.get("send"):
        # One key at a time, as typed; an escape sequence (an arrow, Alt+key) goes in one write, as a terminal sends it.
        for key in re.findall(r"\x1b[\[O][0-9;]*[A-Za-z~]|\x1b.|.", step["send"], re.S):
            os.write(fd, key.encode())
            pump(time.time() + 0.01)
    if step.get("expect"):
        deadline = time.time() + step.get("timeout", 60)
        pattern = re.compile(step["expect"].encode())
        while not pattern.search(plain(start)) and time.time() < deadline:
            if not read(0.2):
                break
        if not pattern.search(plain(start)):
            sys.stderr.write("never saw: " + step["expect"] + "\n")
            status = 3
            break

exited = None
deadline = time.time() + (10 if status == 0 else 0.5)
while time.time() < deadline and exited is None:
    read(0.05)
    done, code = os.waitpid(pid, os.WNOHANG)
    if done:
        exited = os.waitstatus_to_exitcode(code)
pump(time.time() + 0.2)
if exited is None:
    os.kill(pid, signal.SIGKILL)

if os.environ.get("PTY_RAW"):
    open(os.environ["PTY_RAW"], "wb").write(transcript)

def line_text(line):
    return "".join(line[x].data for x in range(cols)).rstrip()

lines = [line_text(l) for l in screen.history.top] + [l.rstrip() for l in screen.display]
while lines and not lines[-1]:
    lines.pop()
sys.stdout.write("\n".join(lines) + "\n")
if exited is not None:
    sys.stdout.write(f"[exit {exited}]\n")
sys.exit(status)
