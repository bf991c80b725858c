"""LeNet-5 training for the HwDsl peer (imported by peer.py after torch is loaded and threads are set).

The network matches HwDsl's LeNet5.Create: conv 6@5x5 (padding 2) - ReLU - 2x2 max pool - conv 16@5x5 - ReLU -
2x2 max pool - flatten - 120 - ReLU - 84 - ReLU - 10, PyTorch's default initialisation. PyTorch gets its faster
memory format on this machine: "auto" trains a few warm-up batches in NCHW (contiguous) and NHWC (channels_last)
and keeps the quicker one for the timed epoch; the answer says which."""

import time

import torch
from torch import nn

FORMATS = {"contiguous": torch.contiguous_format, "channels_last": torch.channels_last}


def lenet():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def _images(x, fmt):
    return x.view(-1, 1, 28, 28).contiguous(memory_format=FORMATS[fmt])


def _warmup_seconds(x, y, fmt, batch, lr, batches=30):
    """Seconds per batch of a throw-away model trained on the first batches in format fmt (after up to 5 untimed ones)."""
    model = lenet().to(memory_format=FORMATS[fmt])
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    total = max(2, min(batches + 5, x.shape[0] // batch))
    untimed = min(5, total // 2)
    batches = total - untimed
    images = _images(x[:batch * total], fmt)
    labels = y[:batch * total]
    t0 = None
    for b in range(total):
        if b == untimed:
            t0 = time.perf_counter()
        loss = loss_fn(model(images[b * batch:(b + 1) * batch]), labels[b * batch:(b + 1) * batch])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
    return (time.perf_counter() - t0) / batches


def cmd_lenet(req, train, load_mnist, positive_int, number):
    """One or more LeNet-5 epochs on MNIST, timed like the MLP (training only, then test accuracy)."""
    data = req.get("data")
    if not isinstance(data, str) or not data:
        raise ValueError("'data' must name a folder holding the four MNIST IDX files")
    batch = positive_int(req, "batch", 100)
    lr = number(req, "lr", 0.001, 0.0, 10.0)
    epochs = positive_int(req, "epochs", 1)
    seed = req.get("seed", 0)
    fmt = req.get("memory_format", "auto")
    if fmt not in ("auto", *FORMATS):
        raise ValueError(f"'memory_format' must be auto, contiguous or channels_last; got {fmt!r}")
    warmup = positive_int(req, "warmup_batches", 30)
    (x_train, y_train), (x_test, y_test) = load_mnist(data)
    if "limit" in req:  # the first samples only (tests)
        limit = positive_int(req, "limit")
        x_train, y_train = x_train[:limit], y_train[:limit]
    seconds = {}
    if fmt == "auto":
        seconds = {f: _warmup_seconds(x_train, y_train, f, batch, lr, warmup) for f in FORMATS}
        fmt = min(seconds, key=seconds.get)
    torch.manual_seed(seed)
    model = lenet().to(memory_format=FORMATS[fmt])
    result = train(model, (_images(x_train, fmt), y_train), (_images(x_test, fmt), y_test), epochs, batch, lr, [6, 16, 120, 84])
    result["memory_format"] = fmt
    result["warmup_seconds_per_batch"] = {f: round(s, 5) for f, s in seconds.items()}
    return result
