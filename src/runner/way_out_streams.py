"""What stdout and stderr still hold when a program's end comes, for the way-out recorder
(`way_out.py`, which runs after this as one text): taken by flushing each stream into a pipe put
in its fd's place for that moment — lost (os._exit: nothing is written) or written as the end's
flush would have written it. And what each step wrote while it ran (`tie_printed`).
"""
import io, os, sys


def _step(kind, line, name, ran=True):
    return {"step": kind, "ran": ran, "line": line, "name": name}


# A step's own output is kept up to this many bytes (the text ends with "…" past it).
PRINTED_MAX = 2000


def code_of(func):
    """The code object a call of `func` starts (a function's or a bound method's), or None."""
    code = getattr(func, "__code__", None) or getattr(getattr(func, "__func__", None), "__code__", None)
    return code if type(code) is type(code_of.__code__) else None


def tie_printed(steps, end, text):
    """Gives each step that has a position (`at`: where fd 1 and 2's output stood when it began)
    the text written from there until it ended (`until`), the next such step began, or `end`."""
    marked = [step for step in steps if "at" in step]
    for index, step in enumerate(marked):
        start, stop = step.pop("at"), step.pop("until", None)
        if stop is None:
            stop = marked[index + 1]["at"] if index + 1 < len(marked) else end
        if text is None or start is None or stop is None or stop <= start:
            continue
        printed = text(start, min(stop, start + PRINTED_MAX))
        if printed:
            step["printed"] = printed + ("…" if stop - start > PRINTED_MAX else "")
    return steps


def _size(data):
    return f"{len(data)} byte{'' if len(data) == 1 else 's'}"


def _pending(stream, fd):
    """The bytes `stream` still buffers for `fd`, taken by flushing it into a pipe put in the
    fd's place for that moment (what os._exit is about to lose; nothing is written)."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return b""
    saved = None
    try:
        saved = os.dup(fd)
        os.dup2(write_end, fd)
        stream.flush()
    except Exception:
        pass
    finally:
        if saved is not None:
            os.dup2(saved, fd)
            os.close(saved)
        os.close(write_end)
    chunks = []
    try:
        # EOF ends it in CPython; an empty pipe says EAGAIN in Emscripten's.
        for chunk in iter(lambda: os.read(read_end, 65536), b""):
            chunks.append(chunk)
    except OSError:
        pass
    os.close(read_end)
    return b"".join(chunks)


def _fd_of(stream):
    """The fd (1 or 2) an io stream writes to, or None: a program's own object is not asked."""
    if not isinstance(stream, (io.TextIOBase, io.BufferedIOBase, io.RawIOBase)):
        return None
    try:
        fd = stream.fileno()
    except Exception:
        return None
    return fd if fd in (1, 2) else None


def _streams(*names):
    """(name of its fd, stream, fd) for each distinct stream among `sys.<name>` that writes to
    fd 1 or 2 — the standard ones, or what the program put in their place."""
    found = []
    for name in names:
        stream = getattr(sys, name, None)
        fd = _fd_of(stream)
        if fd is not None and all(stream is not seen for _, seen, _ in found):
            found.append(("stdout" if fd == 1 else "stderr", stream, fd))
    return found


def lost_output():
    """What the streams writing to fd 1 and 2 still held when the process ended without
    flushing them."""
    steps = []
    for name, stream, fd in _streams("stdout", "__stdout__", "stderr", "__stderr__"):
        data = _pending(stream, fd)
        if data:
            step = _step("flush", None, f"{name}: {_size(data)} never written", ran=False)
            step["text"] = data[-500:].decode("utf-8", "replace")
            steps.append(step)
    return steps


def flush_streams():
    """Flushes sys.stdout and sys.stderr, as CPython does when the main module ends (whatever
    objects they are by then; those writing to fd 1 or 2 are counted), and says how much that
    wrote."""
    steps = []
    for name, stream, fd in _streams("stderr", "stdout"):
        data = _pending(stream, fd)
        if data:
            steps.append(_step("flush", None, f"{name}: {_size(data)} written at the end"))
            printed = data[:PRINTED_MAX].decode("utf-8", "replace")
            steps[-1]["printed"] = printed + ("…" if len(data) > PRINTED_MAX else "")
        while data:
            data = data[os.write(fd, data):]
    return steps
