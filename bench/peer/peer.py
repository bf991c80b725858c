#!/usr/bin/env python3
"""PyTorch/OpenBLAS peer for HwDsl benchmarks.

The HwDsl CLI starts this script as a long-lived process and speaks JSON lines with it: one command object
per line on stdin, one answer object per line on stdout (flushed after each), so it can interleave its own
runs with the peer's in one session. See bench/peer/README.md for the protocol.

    python3 bench/peer/peer.py --threads T              # protocol mode
    python3 bench/peer/peer.py --threads 1 --selftest   # quick GEMM figures for a human

Thread counts and the OpenBLAS core type are set in the environment BEFORE numpy/torch are imported,
because OpenBLAS reads them when it loads: Debian's OpenBLAS 0.3.21 does not recognise this CPU and
falls back to its SSE3 "Prescott" kernels unless OPENBLAS_CORETYPE names an AVX-512 core.
"""

import argparse
import os
import sys

DEBIAN_PYTHON = "/usr/bin/python3"


def parse_args(argv):
    p = argparse.ArgumentParser(description="PyTorch/OpenBLAS peer for HwDsl benchmarks (JSON lines on stdin/stdout).")
    p.add_argument("--threads", type=int, default=1, help="threads for OpenBLAS, OpenMP and torch (default 1)")
    p.add_argument("--coretype", default=None,
                   help="OPENBLAS_CORETYPE to force (default: keep the environment's, else SkylakeX when the CPU "
                        "has AVX-512); 'auto' leaves OpenBLAS to detect the CPU itself")
    p.add_argument("--selftest", action="store_true", help="run a quick GEMM, print the figures and exit")
    args = p.parse_args(argv)
    if args.threads < 1:
        p.error("--threads must be at least 1")
    return args


ARGS = parse_args(sys.argv[1:])

# --- Environment: must happen before numpy/torch (and so OpenBLAS) are loaded. ---
AVX512_CORETYPES = {"skylakex", "cooperlake", "sapphirerapids"}
AVX512_FLAGS = {"avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"}  # what OpenBLAS's SkylakeX kernels use


def _cpu_flags():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def choose_coretype(requested, inherited, flags):
    """Returns (OPENBLAS_CORETYPE or None for OpenBLAS's own detection, a note saying why).

    SkylakeX is the default because Debian's OpenBLAS 0.3.21 does not recognise recent Intel Xeons and falls
    back to SSE3 kernels; but forcing AVX-512 kernels on a CPU without AVX-512 (e.g. an AMD EPYC before Zen 4)
    dies with SIGILL, so an AVX-512 core type is only set when the CPU has the instructions."""
    has_avx512 = AVX512_FLAGS <= flags
    if requested is not None:
        if requested.lower() == "auto":
            return None, "--coretype auto: OpenBLAS detects the CPU"
        choice, source = requested, "--coretype"
    elif inherited:
        choice, source = inherited, "inherited OPENBLAS_CORETYPE"
    elif has_avx512:
        return "SkylakeX", "default: the CPU has AVX-512"
    else:
        return None, "default: the CPU lacks AVX-512, so OpenBLAS detects the CPU itself"
    if choice.lower() in AVX512_CORETYPES and not has_avx512:
        return None, f"{source} {choice} dropped: this CPU lacks AVX-512 (it would die with SIGILL); OpenBLAS detects the CPU"
    return choice, source


CORETYPE, CORETYPE_NOTE = choose_coretype(ARGS.coretype, os.environ.get("OPENBLAS_CORETYPE"), _cpu_flags())
if CORETYPE is None:
    os.environ.pop("OPENBLAS_CORETYPE", None)
else:
    os.environ["OPENBLAS_CORETYPE"] = CORETYPE
if "dropped" in CORETYPE_NOTE:
    print(f"peer: {CORETYPE_NOTE}", file=sys.stderr)
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = str(ARGS.threads)
# With more than one thread, torch's OpenMP workers spin between parallel regions by default; on a shared
# 2-core machine that starved everything else (MLP epoch 20× slower than with one thread). Passive waiting
# made two threads about as fast as one there. An OMP_WAIT_POLICY already in the environment wins.
if ARGS.threads > 1:
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def _reexec_with_debian_python():
    """Debian's python3-torch lives in /usr/bin/python3's dist-packages; a pyenv or venv python3 first on
    PATH does not see it. Re-run this script under Debian's interpreter (environment kept) in that case."""
    import importlib.util
    if importlib.util.find_spec("torch") and importlib.util.find_spec("numpy"):
        return
    if os.environ.get("HWDSL_PEER_REEXEC") or not os.path.exists(DEBIAN_PYTHON) \
            or os.path.realpath(sys.executable) == os.path.realpath(DEBIAN_PYTHON):
        return  # the import below fails with the real error
    os.environ["HWDSL_PEER_REEXEC"] = "1"
    sys.stdout.flush()
    os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])


_reexec_with_debian_python()

# The protocol owns stdout. Keep a private handle on it and point fd 1 (and sys.stdout) at stderr, so stray
# prints from libraries — Python or C — cannot corrupt the JSON stream.
_proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr

import ctypes  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

torch.set_num_threads(ARGS.threads)


def send(obj):
    _proto.write(json.dumps(obj) + "\n")
    _proto.flush()


# --- What BLAS is in use ---

def _openblas():
    """The loaded OpenBLAS library (found in this process's memory map), or None."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "libopenblas" in line}
        for path in sorted(paths):
            lib = ctypes.CDLL(path)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return path, lib
    except (OSError, AttributeError):
        pass
    return None, None


def blas_info():
    info = {}
    path, lib = _openblas()
    if lib is not None:
        info["openblas"] = path
        info["openblas_config"] = lib.openblas_get_config().decode()
        info["openblas_core"] = lib.openblas_get_corename().decode()
        info["openblas_threads"] = lib.openblas_get_num_threads()
    cfg = torch.__config__.show()
    for key in ("BLAS_INFO", "LAPACK_INFO", "USE_MKLDNN", "USE_OPENMP"):
        marker = key + "="
        if marker in cfg:
            info["torch_" + key.lower()] = cfg.split(marker, 1)[1].split(",", 1)[0].strip()
    info["torch_cpu_capability"] = next((line.split(":", 1)[1].strip() for line in cfg.splitlines()
                                         if "CPU capability usage" in line), None)
    try:
        opt = np.__config__.blas_opt_info
        info["numpy_blas"] = {"libraries": opt.get("libraries"), "library_dirs": opt.get("library_dirs")}
    except AttributeError:
        info["numpy_blas"] = None
    info["torch_threads"] = torch.get_num_threads()
    return info


# --- gemm ---

LAYOUTS = ("NN", "TN", "NT")


def _operands(m, n, k, layout, rng):
    """A (m×k) and B (k×n) as the user's views: TN stores A as k×m and uses A.T, NT stores B as n×k and uses B.T."""
    a = rng.standard_normal((k, m) if layout == "TN" else (m, k), dtype=np.float32)
    b = rng.standard_normal((n, k) if layout == "NT" else (k, n), dtype=np.float32)
    return (a.T if layout == "TN" else a), (b.T if layout == "NT" else b)


def _timed_rate(fn, flops, seconds):
    """Runs fn in batches of calls sized to ~10 ms; returns the median GFLOP/s over the batches and the call count."""
    for _ in range(3):
        fn()
    t = time.perf_counter()
    calls = 0
    while time.perf_counter() - t < 0.02:
        fn()
        calls += 1
    per_call = (time.perf_counter() - t) / calls
    batch = max(1, int(0.01 / per_call))
    rates, total_calls = [], 0
    end = time.perf_counter() + seconds
    while True:
        t0 = time.perf_counter()
        for _ in range(batch):
            fn()
        dt = time.perf_counter() - t0
        rates.append(flops * batch / dt / 1e9)
        total_calls += batch
        if t0 + dt >= end:
            break
    return statistics.median(rates), total_calls


def cmd_gemm(req):
    m, n, k = (_positive_int(req, key) for key in ("m", "n", "k"))
    layout = req.get("layout", "NN")
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}; got {layout!r}")
    seconds = _number(req, "seconds", 0.5, 0.0, 600.0)
    rng = np.random.default_rng(0)
    a_np, b_np = _operands(m, n, k, layout, rng)
    c_np = np.empty((m, n), dtype=np.float32)
    a_t, b_t = torch.from_numpy(a_np.base if a_np.base is not None else a_np), torch.from_numpy(b_np.base if b_np.base is not None else b_np)
    a_t = a_t.T if layout == "TN" else a_t
    b_t = b_t.T if layout == "NT" else b_t
    c_t = torch.empty((m, n), dtype=torch.float32)
    flops = 2.0 * m * n * k

    # Interleave the two in short slices so both see the same machine weather.
    slices = 4
    torch_rates, numpy_rates = [], []
    for _ in range(slices):
        torch_rates.append(_timed_rate(lambda: torch.mm(a_t, b_t, out=c_t), flops, seconds / (2 * slices))[0])
        numpy_rates.append(_timed_rate(lambda: np.matmul(a_np, b_np, out=c_np), flops, seconds / (2 * slices))[0])
    if not np.allclose(c_t.numpy(), c_np, rtol=1e-3, atol=1e-3):
        raise RuntimeError("torch.mm and numpy.matmul disagree")
    g_torch, g_numpy = statistics.median(torch_rates), statistics.median(numpy_rates)
    return {"gflops_torch": round(g_torch, 2), "gflops_numpy": round(g_numpy, 2), "gflops": round(max(g_torch, g_numpy), 2),
            "m": m, "n": n, "k": k, "layout": layout, "threads": ARGS.threads}


# --- mlp ---

_DATA_CACHE = {}


def _read_idx(path, ndim):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        raw = f.read()
    magic = int.from_bytes(raw[0:4], "big")
    if magic != (0x0800 | ndim):
        raise ValueError(f"{path}: bad magic 0x{magic:08X}")
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    body = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if body.size != int(np.prod(dims)):
        raise ValueError(f"{path}: header declares {dims}, holds {body.size} bytes")
    return body.reshape(dims)


def _find(directory, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"{directory} holds neither {name} nor {name}.gz")


def load_mnist(directory):
    directory = os.path.abspath(directory)
    if directory not in _DATA_CACHE:
        def split(prefix):
            images = _read_idx(_find(directory, f"{prefix}-images-idx3-ubyte"), 3)
            labels = _read_idx(_find(directory, f"{prefix}-labels-idx1-ubyte"), 1)
            x = torch.from_numpy(images.reshape(images.shape[0], -1).astype(np.float32) / np.float32(255))
            return x, torch.from_numpy(labels.astype(np.int64))
        _DATA_CACHE[directory] = (split("train"), split("t10k"))
    return _DATA_CACHE[directory]


def _train(model, train, test, epochs, batch, lr, hidden, before_epoch=None):
    """Adam and cross-entropy over shuffled mini-batches, timing only the training epochs; then test accuracy."""
    (x_train, y_train), (x_test, y_test) = train, test
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    n = x_train.shape[0]
    epoch_seconds = []
    loss = None
    model.train()
    for epoch in range(epochs):
        if before_epoch is not None:
            before_epoch(epoch)
        t0 = time.perf_counter()
        perm = torch.randperm(n)
        for start in range(0, n, batch):
            idx = perm[start:start + batch]
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        epoch_seconds.append(time.perf_counter() - t0)

    model.eval()
    with torch.no_grad():
        accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
    return {"samples_per_s": round(n * epochs / sum(epoch_seconds), 1),
            "epoch_seconds": [round(s, 4) for s in epoch_seconds],
            "test_accuracy": round(accuracy, 4), "final_loss": round(loss.item(), 5),
            "threads": ARGS.threads, "batch": batch, "hidden": hidden}


def cmd_mlp(req):
    data = req.get("data")
    if not isinstance(data, str) or not data:
        raise ValueError("'data' must name a folder holding the four MNIST IDX files")
    hidden = req.get("hidden", [256, 256])
    if not isinstance(hidden, list) or not all(isinstance(h, int) and not isinstance(h, bool) and h > 0 for h in hidden):
        raise ValueError("'hidden' must be a list of positive integers")
    batch = _positive_int(req, "batch", 100)
    lr = _number(req, "lr", 0.001, 0.0, 10.0)
    epochs = _positive_int(req, "epochs", 1)
    seed = req.get("seed", 0)
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ValueError("'seed' must be an integer")

    (x_train, y_train), (x_test, y_test) = load_mnist(data)
    torch.manual_seed(seed)
    widths = [x_train.shape[1]] + hidden
    layers = []
    for fan_in, fan_out in zip(widths, widths[1:]):
        layers += [nn.Linear(fan_in, fan_out), nn.ReLU()]
    layers.append(nn.Linear(widths[-1], 10))
    model = nn.Sequential(*layers)

    return _train(model, (x_train, y_train), (x_test, y_test), epochs, batch, lr, hidden)



# --- hardware-aware training with the same relaxation as HwDsl ---

def _relaxed(x, q, beta):
    """HwDsl's relaxed staircase over the sorted level table q: in the cell q_j <= x < q_j+1, with
    f = (x - q_j)/(q_j+1 - q_j): y = q_j + (q_j+1 - q_j) * s(f), s(f) = (sig(b(f-1/2)) - sig(-b/2)) / (sig(b/2) - sig(-b/2));
    x is clipped to [q_0, q_M-1]. Written with torch ops so autograd supplies the backward, as a PyTorch user would."""
    x = x.clamp(q[0], q[-1])
    j = (torch.searchsorted(q, x.detach().contiguous(), right=True) - 1).clamp_(0, q.numel() - 2)
    lo, hi = q[j], q[j + 1]
    d = hi - lo
    f = (x - lo) / d
    s0, s1 = torch.sigmoid(torch.tensor(-beta / 2)), torch.sigmoid(torch.tensor(beta / 2))
    return lo + d * (torch.sigmoid(beta * (f - 0.5)) - s0) / (s1 - s0)


class _HwLinear(nn.Linear):
    def __init__(self, fan_in, fan_out, levels, act_levels, state):
        super().__init__(fan_in, fan_out)
        self.levels, self.act_levels, self.state = levels, act_levels, state

    def forward(self, x):
        w_max = self.weight.detach().abs().max()
        w = _relaxed(self.weight / w_max, self.levels, self.state["beta"]) * w_max
        return nn.functional.linear(x, w, self.bias)


class _HwActivation(nn.Module):
    def __init__(self, act_levels, state):
        super().__init__()
        self.act_levels, self.state = act_levels, state

    def forward(self, x):
        return _relaxed(x.clamp(0.0, 1.0), self.act_levels, self.state["beta"])


def cmd_hwmlp(req):
    """Like mlp, but every dense layer maps its weights through the relaxed level table 'levels' (units of the
    layer's max |w|) and every hidden activation is a clipped ReLU quantized to 'activation_bits' through the same
    relaxation; beta is annealed geometrically from beta_from to beta_to over the epochs."""
    data = req.get("data")
    if not isinstance(data, str) or not data:
        raise ValueError("'data' must name a folder holding the four MNIST IDX files")
    hidden = req.get("hidden", [256, 256])
    levels = req.get("levels")
    if not isinstance(levels, list) or len(levels) < 2 or any(b <= a for a, b in zip(levels, levels[1:])):
        raise ValueError("'levels' must be a strictly increasing list of at least two numbers")
    bits = _positive_int(req, "activation_bits", 4)
    batch = _positive_int(req, "batch", 100)
    lr = _number(req, "lr", 0.001, 0.0, 10.0)
    epochs = _positive_int(req, "epochs", 1)
    beta_from = _number(req, "beta_from", 2.0, 0.0, 1e6)
    beta_to = _number(req, "beta_to", 50.0, 0.0, 1e6)
    seed = req.get("seed", 0)

    (x_train, y_train), (x_test, y_test) = load_mnist(data)
    torch.manual_seed(seed)
    q = torch.tensor(levels, dtype=torch.float32)
    act_q = torch.arange(2 ** bits, dtype=torch.float32) / (2 ** bits - 1)
    state = {"beta": beta_from}
    widths = [x_train.shape[1]] + hidden
    layers = []
    for fan_in, fan_out in zip(widths, widths[1:]):
        layers += [_HwLinear(fan_in, fan_out, q, act_q, state), _HwActivation(act_q, state)]
    layers.append(_HwLinear(widths[-1], 10, q, act_q, state))
    model = nn.Sequential(*layers)

    def anneal(epoch):
        state["beta"] = beta_from * (beta_to / beta_from) ** (epoch / max(1, epochs - 1))
    return _train(model, (x_train, y_train), (x_test, y_test), epochs, batch, lr, hidden, before_epoch=anneal)

# --- Monte-Carlo evaluation over dies, batched ---

def _beta_parameters(mean, sd):
    """Beta(a, b) with the given mean and standard deviation (as HwDsl's Dist.Beta(mean, sd))."""
    common = mean * (1 - mean) / (sd * sd) - 1
    if common <= 0:
        raise ValueError(f"no Beta distribution has mean {mean} and sd {sd}")
    return mean * common, (1 - mean) * common


def cmd_dies(req):
    """A binary 784-hidden-sign-10 network evaluated on the MNIST test images over 'dies' sampled dies, all dies at once.
    Per die: a shorted rate from Beta(shorted, shorted_sd); per device one uniform (open, shorted or working) and one
    normal (variation 1 + sigma*z, at least 0); a device programmed to s = +-1 against the reference (G0 + G1)/2 gives
    w = k*s + o as in HwDsl's BinaryDeviceMapping. Timed: sampling, mapping and evaluating every die. Two batched forms are
    timed and the faster reported: torch.bmm over dies, and one wide product X * [W_1 ... W_dies] for the first layer."""
    data = req.get("data")
    if not isinstance(data, str) or not data:
        raise ValueError("'data' must name a folder holding the four MNIST IDX files")
    hidden = _positive_int(req, "hidden", 256)
    dies = _positive_int(req, "dies", 36)
    shorted = _number(req, "shorted", 0.06, 0.0, 1.0)
    shorted_sd = _number(req, "shorted_sd", 0.03, 0.0, 1.0)
    open_rate = _number(req, "open", 0.012, 0.0, 1.0)
    variation = _number(req, "variation", 0.05, 0.0, 10.0)
    on_off = _number(req, "on_off", 2.5, 1.0, 1e9)
    seed = req.get("seed", 0)
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ValueError("'seed' must be an integer")
    a, b = _beta_parameters(shorted, shorted_sd)

    _, (x_test, y_test) = load_mnist(data)
    x = x_test.contiguous()
    torch.manual_seed(seed)
    widths = [x.shape[1], hidden, 10]
    states = [torch.where(torch.randn(i, o) >= 0, 1.0, -1.0) for i, o in zip(widths, widths[1:])]
    biases = [0.01 * torch.randn(o) for o in widths[1:]]
    g0, g1 = 1.0 / on_off, 1.0
    ref, half = (g0 + g1) / 2, (g1 - g0) / 2
    rate = torch.distributions.Beta(torch.tensor(a), torch.tensor(b))

    def effective(s):
        rows, cols = s.shape
        short = rate.sample((dies, 1, 1))
        u = torch.rand(dies, rows, cols)
        m = (1 + variation * torch.randn(dies, rows, cols)).clamp_(min=0)
        is_open = u < open_rate
        is_short = ~is_open & (u < open_rate + short)
        k = torch.where(is_open | is_short, torch.zeros(()), m)
        c = torch.where(is_open, torch.tensor(g0), torch.where(is_short, torch.tensor(g1), torch.zeros(())))
        return k * s + (k * ref + c - ref) / half

    def run(form):
        w1, w2 = effective(states[0]), effective(states[1])
        if form == "bmm":
            h = torch.bmm(x.expand(dies, -1, -1), w1)
        else:
            wide = w1.permute(1, 0, 2).reshape(widths[0], dies * hidden)
            h = torch.mm(x, wide).view(x.shape[0], dies, hidden).transpose(0, 1)
        h = torch.where(h + biases[0] >= 0, 1.0, -1.0)
        y = torch.bmm(h, w2) + biases[1]
        return (y.argmax(dim=2) == y_test).float().mean(dim=1)

    forms = ("bmm", "wide mm")
    seconds = {}
    with torch.no_grad():
        if req.get("warmup", False):
            for form in forms:
                run(form)
        for form in forms:
            t0 = time.perf_counter()
            accuracy = run(form)
            seconds[form] = time.perf_counter() - t0
    best = min(forms, key=lambda f: seconds[f])
    return {"seconds": round(seconds[best], 4), "form": best, "seconds_by_form": {f: round(t, 4) for f, t in seconds.items()},
            "dies": dies, "images": x.shape[0], "mean_accuracy": round(accuracy.mean().item(), 4), "threads": ARGS.threads}


# --- protocol ---

def _positive_int(req, key, default=None):
    value = req.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(f"'{key}' must be a positive integer; got {value!r}")
    return value


def _number(req, key, default, low, high):
    value = req.get(key, default)
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not (low < value <= high):
        raise ValueError(f"'{key}' must be a number in ({low}, {high}]; got {value!r}")
    return float(value)


COMMANDS = {"gemm": cmd_gemm, "mlp": cmd_mlp, "hwmlp": cmd_hwmlp, "dies": cmd_dies}

# LeNet-5 lives in its own module beside this script; it needs torch loaded and the threads set, as they are now.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_lenet  # noqa: E402

COMMANDS["lenet"] = lambda req: peer_lenet.cmd_lenet(req, _train, load_mnist, _positive_int, _number)


def handle(line):
    try:
        req = json.loads(line)
    except json.JSONDecodeError as e:
        return {"error": f"not JSON: {e}"}
    if not isinstance(req, dict):
        return {"error": "a command must be a JSON object"}
    cmd = req.get("cmd")
    if cmd not in COMMANDS:
        return {"error": f"unknown command {cmd!r}; known: {', '.join(list(COMMANDS) + ['quit'])}"}
    try:
        return COMMANDS[cmd](req)
    except Exception as e:  # the peer must answer, not die, whatever a command does
        return {"error": f"{cmd}: {type(e).__name__}: {e}"}


def ready():
    info = blas_info()
    return {"ready": True, "torch": torch.__version__, "numpy": np.__version__, "threads": ARGS.threads,
            "coretype": os.environ.get("OPENBLAS_CORETYPE"), "coretype_note": CORETYPE_NOTE,
            "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"), "blas": info,
            "python": sys.executable, "pid": os.getpid()}


def selftest():
    r = ready()
    print(f"torch {r['torch']}, numpy {r['numpy']}, threads {r['threads']}, OPENBLAS_CORETYPE={r['coretype']}, "
          f"OpenBLAS core in use: {r['blas'].get('openblas_core')} ({r['coretype_note']})", file=_proto)
    for layout in LAYOUTS:
        res = cmd_gemm({"m": 128, "n": 256, "k": 784, "layout": layout, "seconds": 0.5})
        print(f"gemm m=128 n=256 k=784 {layout}: torch {res['gflops_torch']:7.1f} GFLOP/s, "
              f"numpy {res['gflops_numpy']:7.1f} GFLOP/s", file=_proto)
    _proto.flush()


def main():
    if ARGS.selftest:
        selftest()
        return 0
    send(ready())
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            if json.loads(line).get("cmd") == "quit":
                send({"bye": True})
                return 0
        except (json.JSONDecodeError, AttributeError):
            pass
        send(handle(line))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader went away (e.g. `| head`, or the CLI exited): nothing left to say
        os._exit(0)
