"""What stdout and stderr still hold when a program's end comes, for the way-out recorder
(`way_out.py`, which runs after this as one text): taken by flushing each stream into a pipe put
in its fd's place for that moment — lost (os._exit: nothing is written) or written as the end's
flush would have written it. And what each step wrote while it ran (`tie_printed`).
"""
import os, sys


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


def lost_output():
    """What stdout and stderr still held when the process ended without flushing them."""
    steps = []
    for name, stream, fd in (("stdout", sys.__stdout__, 1), ("stderr", sys.__stderr__, 2)):
        data = _pending(stream, fd) if stream is not None else b""
        if data:
            step = _step("flush", None, f"{name}: {_size(data)} never written", ran=False)
            step["text"] = data[-500:].decode("utf-8", "replace")
            steps.append(step)
    return steps


def flush_streams():
    """Flushes sys.stdout and sys.stderr (when they are still the standard ones), as CPython does
    when the main module ends, and says how much that wrote."""
    steps = []
    for name, fd in (("stdout", 1), ("stderr", 2)):
        stream = getattr(sys, name)
        if stream is None or stream is not getattr(sys, f"__{name}__"):
            continue
        data = _pending(stream, fd)
        if data:
            steps.append(_step("flush", None, f"{name}: {_size(data)} written at the end"))
            printed = data[:PRINTED_MAX].decode("utf-8", "replace")
            steps[-1]["printed"] = printed + ("…" if len(data) > PRINTED_MAX else "")
        while data:
            data = data[os.write(fd, data):]
    return steps
