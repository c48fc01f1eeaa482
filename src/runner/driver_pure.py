"""The driver's pure parts: how CPython decides an exit status, finds the line a traceback or a
frame points at, trims runner frames from a traceback, names an exception, and builds the standard
streams and environment of a process. Pure: importing only binds names; tested under CPython and
Pyodide by `test/driver/test_driver.py`. Hosts run this text and `driver.py` as one (see
`driver-file.ts`), so the driver uses these names as its own.
"""
import io, os


def exit_status(code):
    """`(status, stderr text or None)` for `SystemExit(code)` reaching the top level, by CPython's
    rule (`parse_exit_code` in pythonrun.c): None is 0; an int (bool and subclasses too) counts by
    its value, never through an overridden method, as a C long long (-1 when it does not fit), and
    the shell sees its low 8 bits; anything else prints `str(code)` and a newline (the newline
    alone when `str()` raises) and is 1."""
    if code is None:
        return (0, None)
    if issubclass(type(code), int):
        value = int.__int__(code)
        return ((value if -(2**63) <= value < 2**63 else -1) & 0xFF, None)
    try:
        return (1, str(code) + "\n")
    except BaseException:
        return (1, "\n")


def frame_line(frame, filename):
    """The line of the innermost frame of `filename` at or outside `frame`, or None: the reader's
    line when an ending (SIGINT, os._exit) lands in a library call."""
    while frame is not None:
        if frame.f_code.co_filename == filename:
            return frame.f_lineno
        frame = frame.f_back
    return None


def traceback_line(tb, filename):
    """The line of the innermost entry of `filename` in the traceback `tb`, or None: where the
    reader's code was when the exception left it."""
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def trim_traceback(tb, hidden):
    """`tb` without entries for code compiled under `hidden` (relinked in place; None if all)."""
    while tb is not None and tb.tb_frame.f_code.co_filename == hidden:
        tb = tb.tb_next
    head = tb
    while tb is not None:
        nxt = tb.tb_next
        while nxt is not None and nxt.tb_frame.f_code.co_filename == hidden:
            nxt = nxt.tb_next
        tb.tb_next = nxt
        tb = nxt
    return head


def trim_exception(exc, hidden):
    """Trims `hidden` frames from `exc` and every exception printed with it: `__cause__`,
    `__context__` and an exception group's members, each once (so a looping chain ends)."""
    seen = set()
    todo = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        e.__traceback__ = trim_traceback(e.__traceback__, hidden)
        todo.append(e.__cause__)
        todo.append(e.__context__)
        if isinstance(e, BaseExceptionGroup):
            todo.extend(e.exceptions)


MAX_MESSAGE = 10_000  # the longest message a report carries (stderr's traceback keeps it all)


def describe_exception(exc):
    """Type as the traceback printer names it (module-qualified unless builtins or __main__), and
    message: a SyntaxError's bare `msg`, else `str(exc)`, else CPython's placeholder."""
    cls = type(exc)
    name, module = cls.__qualname__, cls.__module__
    if module not in ("builtins", "__main__"):
        name = (module if isinstance(module, str) else "<unknown>") + "." + name
    try:
        message = exc.msg if isinstance(exc, SyntaxError) and exc.msg else str(exc)
        message = message if isinstance(message, str) else str(message)
    except BaseException:
        message = "<exception str() failed>"
    return {"type": name, "message": message[:MAX_MESSAGE]}


def snippet_line(value):
    """A line a report may carry: an int >= 1, else None (a program sets any `lineno` it likes)."""
    return value if type(value) is int and value >= 1 else None


def std_stream(fd, errors, terminal, unbuffered):
    """sys.stdout (fd 1) or sys.stderr (fd 2) as CPython makes it (`create_stdio` in
    pylifecycle.c): UTF-8, no newline translation; under -u written straight through; otherwise
    buffered, and line-buffered on a terminal (stdout) or always (stderr, since 3.9)."""
    if unbuffered:
        raw = io.FileIO(fd, "w", closefd=False)
        return io.TextIOWrapper(raw, encoding="utf-8", errors=errors, newline="\n", write_through=True)
    buffered = io.open(fd, "wb", closefd=False)
    return io.TextIOWrapper(buffered, encoding="utf-8", errors=errors, newline="\n",
                            line_buffering=terminal or fd == 2)


def set_environ(env, only):
    """The program's os.environ: `env` over what is there, or (`only`) exactly `env`."""
    if only:
        os.environ.clear()
    os.environ.update(env)
