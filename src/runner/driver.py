"""The Python half of the runner core: runs one snippet inside a fresh interpreter the way
`python3 -u <file>` would, and reports how it ended.

The JS half (`interpreter.ts`) runs this module's text under the filename "<runner>", calls
`start(filename, argv0, source, hooks)`, execs the returned code itself (so the program's module
frame is the bottom Python frame, as in CPython), then calls `finish(raised)` for the JSON report.
Every frame compiled under "<runner>" is cut from tracebacks, so readers only see their own code.

`hooks` is a JS object: `wait(ms) -> bool` (sleep until SIGINT), `pending() -> bool` (SIGINT not
yet delivered), `delivered()` (the SIGINT handler ran), `note(kind, line)` (an ending that kills
the runtime before `finish` can report it), `interruptible` (a shared interrupt buffer exists).
"""
import atexit, builtins, io, json, os, posix, signal, sys, time, types

_RUNNER = "<runner>"
_real_exit = os._exit
_real_sleep = time.sleep
_real_signal = signal.signal
_real_getsignal = signal.getsignal


def _snippet_line(frame, filename):
    while frame is not None:
        if frame.f_code.co_filename == filename:
            return frame.f_lineno
        frame = frame.f_back
    return None


def _tb_line(tb, filename):
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _without_runner(tb):
    while tb is not None and tb.tb_frame.f_code.co_filename == _RUNNER:
        tb = tb.tb_next
    head = tb
    while tb is not None:
        nxt = tb.tb_next
        while nxt is not None and nxt.tb_frame.f_code.co_filename == _RUNNER:
            nxt = nxt.tb_next
        tb.tb_next = nxt
        tb = nxt
    return head


def _strip_runner_frames(exc):
    seen = set()
    todo = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        e.__traceback__ = _without_runner(e.__traceback__)
        todo.append(e.__cause__)
        todo.append(e.__context__)
        todo.extend(getattr(e, "exceptions", ()) or ())


def _describe(exc):
    cls = type(exc)
    name = cls.__qualname__
    if cls.__module__ not in ("builtins", "__main__"):
        name = cls.__module__ + "." + name
    try:
        message = exc.msg if isinstance(exc, SyntaxError) and exc.msg else str(exc)
    except BaseException:
        message = "<exception str() failed>"
    return {"type": name, "message": message}


_state = {
    "filename": None,
    "hooks": None,
    "sigint_line": None,
    "interrupted": False,
    "done": False,
    "compile_error": None,
}


def start(filename, argv0, source, hooks):
    """Sets the interpreter up as CPython would for "python3 -u filename" and compiles the source.
    Returns (code, globals) for JS to exec, so no driver frame sits under the program's frames,
    or None when the source does not compile (finish() then reports the SyntaxError)."""
    _state["filename"] = filename
    _state["hooks"] = hooks
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
    main.__file__ = filename
    main.__cached__ = None
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    sys.argv = [argv0]
    if directory:
        sys.path.insert(0, directory)

    def os_exit(status):
        hooks.note("os._exit", _snippet_line(sys._getframe(1), filename))
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
        _state["sigint_line"] = _snippet_line(frame, filename)
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
    time.sleep = sleep
    signal.signal = signal_
    signal.getsignal = getsignal
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
    # A Stop that lands from here on is too late to interrupt the program; ignore it.
    _state["done"] = True
    report = {"kind": "exit", "status": 0, "cause": "end", "line": None, "exception": None}
    e = _state["compile_error"] or (sys.last_exc if raised else None)
    _state["compile_error"] = None
    if isinstance(e, SystemExit):
        report["cause"] = "SystemExit"
        report["line"] = _tb_line(e.__traceback__, filename)
        code_ = e.code
        if code_ is None:
            report["status"] = 0
        elif isinstance(code_, int):
            report["status"] = code_ & 0xFF
        else:
            try:
                sys.stderr.write(str(code_) + "\n")
            except BaseException:
                pass
            report["status"] = 1
    elif e is not None:
        report["line"] = _tb_line(e.__traceback__, filename)
        if isinstance(e, SyntaxError) and e.filename == filename:
            report["line"] = e.lineno
        report["exception"] = _describe(e)
        if isinstance(e, KeyboardInterrupt):
            report["kind"] = "interrupt"
            report["status"] = 130
        else:
            report["kind"] = "exception"
            report["status"] = 1
        _strip_runner_frames(e)
        sys.last_exc = sys.last_value = e
        sys.last_type = type(e)
        sys.last_traceback = e.__traceback__
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
    report["interrupted_at"] = {"line": _state["sigint_line"]} if _state["interrupted"] else None
    return json.dumps(report)
