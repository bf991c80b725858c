"""Drives a command through a pseudo-terminal as a user would: types each step's keys, waits until the screen shows
what the step expects, and prints the whole transcript at the end. Usage: pty_drive.py STEPS.json -- command args...
STEPS is a list of {"send": keys, "expect": regex, "timeout": seconds}; an expect that never appears exits 3."""
import json, os, pty, re, select, sys, time

steps = json.load(open(sys.argv[1]))
argv = sys.argv[sys.argv.index("--") + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm"
    os.environ["COLUMNS"], os.environ["LINES"] = "160", "50"
    os.execvp(argv[0], argv)

transcript = b""
def pump(until):
    global transcript
    while time.time() < until:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            transcript += chunk
        else:
            return True
    return True

status = 0
for step in steps:
    start = len(transcript)
    if step.get("send"):
        # One key at a time, as typed; an escape sequence (an arrow key) goes in one write, as a terminal sends it.
        for key in re.findall(r"\x1b[\[O][0-9;]*[A-Za-z~]|.", step["send"], re.S):
            os.write(fd, key.encode())
            pump(time.time() + 0.01)
    if step.get("expect"):
        deadline = time.time() + step.get("timeout", 60)
        pattern = re.compile(step["expect"].encode())
        while not pattern.search(transcript, start) and time.time() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                transcript += chunk
        if not pattern.search(transcript, start):
            sys.stderr.write("never saw: " + step["expect"] + "\n")
            status = 3
            break
pump(time.time() + 0.5)
try:
    os.kill(pid, 9)
except ProcessLookupError:
    pass
sys.stdout.write(transcript.decode("utf-8", "replace"))
sys.exit(status)
