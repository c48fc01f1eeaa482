"""The Python half of the runner core: runs one snippet in a fresh interpreter the way
`python3 -u <file>` would, and reports how it ended. The functions before `start` are pure, tested
under CPython and Pyodide by `test/driver/test_driver.py`; importing only binds names.

`interpreter.ts` runs this text under the filename "<runner>" (frames of it are cut from every
traceback), calls `start(filename, argv0, source, hooks)`, execs the returned code itself (so the
program's module frame is the bottom frame, as in CPython), then `finish(raised)` for the report.
`hooks` (JS): `wait(ms)`, `pending()`, `delivered()` for SIGINT; `note(kind, line)` for an ending
that kills the runtime before `finish`; `interruptible`, whether a shared interrupt buffer exists.
"""
import atexit, builtins, io, json, os, posix, signal, sys, time, types

RUNNER_FILENAME = "<runner>"
_real_exit, _real_sleep = os._exit, time.sleep
_real_signal, _real_getsignal = signal.signal, signal.getsignal


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


_state = {"filename": None, "hooks": None, "sigint_line": None, "interrupted": False,
          "done": False, "compile_error": None}


def start(filename, argv0, source, hooks):
    """Sets the interpreter up as CPython would for "python3 -u filename" and compiles the source.
    Returns (code, globals) for JS to exec, so no driver frame sits under the program's frames,
    or None when the source does not compile (finish() then reports the SyntaxError)."""
    _state["filename"], _state["hooks"] = filename, hooks
    sigint_handler = [signal.default_int_handler]

    # Streams as under python3 -u: unbuffered bytes, text written straight through.
    sys.stdout = sys.__stdout__ = io.TextIOWrapper(
        io.FileIO(1, "w", closefd=False), encoding="utf-8", errors="strict", write_through=True
    )
    sys.stderr = sys.__stderr__ = io.TextIOWrapper(
        io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace", write_through=True
    )

    # The script file exists on disk, as it would for CPython, so linecache and warnings find it.
    directory = os.path.dirname(filename)
    if directory:
        os.makedirs(directory, exist_ok=True)
    with open(filename, "w", encoding="utf-8") as f:
        f.write(source)

    main = types.ModuleType("__main__")
    main.__file__, main.__cached__, main.__builtins__ = filename, None, builtins
    sys.modules["__main__"] = main
    sys.argv = [argv0]
    if directory:
        sys.path.insert(0, directory)

    def os_exit(status):
        hooks.note("os._exit", frame_line(sys._getframe(1), filename))
        _real_exit(status)

    def sleep(secs):
        if not hooks.interruptible or type(secs) not in (int, float) or not secs >= 0:
            return _real_sleep(secs)
        deadline = time.monotonic() + secs
        remaining = float(secs)
        while remaining > 0:
            if hooks.wait(remaining * 1000.0):
                # Let the eval loop deliver SIGINT here, in Python, so no JS frames reach the
                # traceback; Pyodide clears the buffer once the handler has run.
                while hooks.pending():
                    pass
            remaining = deadline - time.monotonic()
        return None

    def on_sigint(signum, frame):
        hooks.delivered()
        if _state["done"]:
            return None
        _state["interrupted"] = True
        _state["sigint_line"] = frame_line(frame, filename)
        handler = sigint_handler[0]
        if handler == signal.SIG_IGN:
            return None
        if handler == signal.SIG_DFL or handler is None:
            hooks.note("SIG_DFL", _state["sigint_line"])
            _real_exit(130)
        return handler(signum, frame)

    def signal_(signalnum, handler):
        if signalnum == signal.SIGINT:
            if handler not in (signal.SIG_IGN, signal.SIG_DFL) and not callable(handler):
                return _real_signal(signalnum, handler)
            previous = sigint_handler[0]
            sigint_handler[0] = handler
            return previous
        return _real_signal(signalnum, handler)

    def getsignal(signalnum):
        if signalnum == signal.SIGINT:
            return sigint_handler[0]
        return _real_getsignal(signalnum)

    os._exit = posix._exit = os_exit
    time.sleep, signal.signal, signal.getsignal = sleep, signal_, getsignal
    _real_signal(signal.SIGINT, on_sigint)

    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as e:
        _state["compile_error"] = e
        return None
    return (code, main.__dict__)


def finish(raised):
    """Called by JS after exec returned (raised=False) or raised (raised=True: the exception is
    sys.last_exc). Prints what CPython prints at exit, runs atexit, returns the JSON report."""
    filename = _state["filename"]
    _state["done"] = True  # a Stop that lands from here on is too late to interrupt: ignored
    report = {"kind": "exit", "status": 0, "cause": "end", "line": None, "exception": None}
    e = _state["compile_error"] or (sys.last_exc if raised else None)
    _state["compile_error"] = None
    if isinstance(e, SystemExit):
        report["cause"] = "SystemExit"
        report["line"] = traceback_line(e.__traceback__, filename)
        try:
            code = e.code
        except BaseException:
            code = e  # as CPython does when `code` cannot be read
        report["status"], text = exit_status(code)
        try:
            text is None or sys.stderr.write(text)
        except BaseException:
            pass
    elif e is not None:
        report["line"] = traceback_line(e.__traceback__, filename)
        if isinstance(e, SyntaxError) and e.filename == filename:
            report["line"] = e.lineno
        report["exception"] = describe_exception(e)
        interrupt = isinstance(e, KeyboardInterrupt)
        report["kind"], report["status"] = ("interrupt", 130) if interrupt else ("exception", 1)
        trim_exception(e, RUNNER_FILENAME)
        sys.last_exc = sys.last_value = e
        sys.last_type, sys.last_traceback = type(e), e.__traceback__
        try:
            sys.excepthook(type(e), e, e.__traceback__)
        except BaseException:
            pass
    e = None

    # Interpreter shutdown: atexit handlers run after a normal end, SystemExit and uncaught errors.
    try:
        atexit._run_exitfuncs()
    except BaseException:
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    sigint = {"line": snippet_line(_state["sigint_line"])}
    report["interrupted_at"], report["line"] = sigint if _state["interrupted"] else None, snippet_line(report["line"])
    return json.dumps(report)
