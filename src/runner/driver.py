"""The Python half of the runner core: runs one snippet in a fresh interpreter the way
`python3 <file>` would (on a terminal, into a pipe, or with -u), and reports how it ended. Its
pure helpers are in `driver_pure.py`, run before this text as one (`exit_status`, `frame_line`,
`std_stream`, ...).

`interpreter.ts` runs both under the filename "<runner>" (frames of it are cut from every
traceback), calls `start(filename, argv0, source, hooks, stdio)`, execs the returned code itself
(so the program's module frame is the bottom frame, as in CPython), then `finish(raised)`.
`hooks` (JS): `wait(ms)`, `pending()`, `delivered()` for SIGINT; `note(kind, line)` for an ending
that kills the runtime before `finish`; `interruptible`, whether a shared interrupt buffer exists;
`written()`, the bytes written to fd 1 and 2 so far, and `printed(start, end)`, their text.
"""
import atexit, builtins, json, os, posix, signal, sys, time, types

RUNNER_FILENAME = "<runner>"
_real_exit, _real_sleep = os._exit, time.sleep


_state = {"filename": None, "hooks": None, "sigint_line": None, "interrupted": False,
          "done": False, "compile_error": None}


def start(filename, argv0, source, hooks, stdio):
    """Sets the interpreter up as CPython would for "python3 filename" with the standard streams
    `stdio` describes (`Stdio` in result.ts, as JSON) and compiles the source.
    Returns (code, globals) for JS to exec, so no driver frame sits under the program's frames,
    or None when the source does not compile (finish() then reports the SyntaxError)."""
    _state["filename"], _state["hooks"] = filename, hooks
    _state["way_out"] = way_out = WayOut(filename, source, (hooks.written, hooks.printed))
    stdio = json.loads(stdio)
    env = stdio.get("env") or {"vars": {}, "only": False}
    set_environ(env["vars"], env["only"])
    tty, unbuffered = stdio["terminal"], stdio["unbuffered"]
    sys.stdout = sys.__stdout__ = std_stream(1, "strict", tty["stdout"], unbuffered)
    sys.stderr = sys.__stderr__ = std_stream(2, "backslashreplace", tty["stderr"], unbuffered)
    # CPython's own hook, which colours a traceback on a terminal (Pyodide installs a plain one).
    sys.excepthook = sys.__excepthook__
    # Pyodide imports logging, whose atexit handler flushes sys.stderr (its last-resort handler's
    # stream); a python3 whose program never imported it has no such handler. The program that
    # imports it gets it fresh, handler and all, as from CPython.
    logging = sys.modules.get("logging")
    if logging is not None:
        atexit.unregister(logging.shutdown)
        for name in [name for name in sys.modules if name.partition(".")[0] == "logging"]:
            del sys.modules[name]

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
        line = frame_line(sys._getframe(1), filename)
        hooks.note("os._exit", line, json.dumps(way_out.os_exit(sys._getframe(1), line)))
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

    os._exit = posix._exit = os_exit
    time.sleep = sleep
    signals = Signals(filename, hooks, way_out, _state, _real_exit)
    signals.install()

    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as e:
        _state["compile_error"] = e
        return None
    signals.interrupt_at(code, hooks.interruptAtLine)
    way_out.track_atexit(lambda: frame_line(sys._getframe(2), filename))
    way_out.install()
    return (code, main.__dict__)


def warm():
    """Runs once at boot, on throwaway objects, the C code a program's start, first print and
    traceback run: WebAssembly functions are compiled on their first call, and a page's first Run
    would pay for that instead (Node, a first run: 33 -> 18 ms). Leaves nothing behind: no
    module imported (all are preloaded), no file, no line cached."""
    import linecache, traceback
    directory = "/tmp/.runner-warm-up"
    path = directory + "/warm.py"
    try:
        os.makedirs(directory, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("x = 1\nprint(x, 'warm')\nraise KeyboardInterrupt\n")
        with open(path, encoding="utf-8") as f:
            source = f.read()
        code = compile(source, path, "exec", dont_inherit=True)
        out = io.TextIOWrapper(io.BufferedWriter(io.BytesIO()), encoding="utf-8",
                               line_buffering=True)
        shown = lambda *args: builtins.print(*args, file=out)
        try:
            exec(code, {"__builtins__": builtins, "print": shown})
        except KeyboardInterrupt as e:
            traceback.print_exception(e, file=out)
        json.loads(json.dumps({"status": 0, "line": None, "steps": [1.5, "x", True]}))
        [line.partition("=") for line in source.splitlines()]
        out.flush()
    finally:
        linecache.cache.pop(path, None)
        for remove, name in ((os.remove, path), (os.rmdir, directory)):
            try:
                remove(name)
            except OSError:
                pass


def code_ended():
    """The program's code is over (once, whichever of exec_ending and finish comes first)."""
    if _state["done"]:
        return
    _state["done"] = True  # a Stop that lands from here on is too late to interrupt: ignored
    way_out = _state["way_out"]
    way_out.freeze()
    # As CPython's run of a main module ends (`flush_io`): the streams are flushed before a
    # traceback is printed and before atexit; the recorder counts what that writes.
    try:
        way_out.flush_at_exit()
    except Exception:
        pass


def _silent_hook(*_):
    pass


def exec_ending():
    """Called by JS (`uncaught.ts`) when Pyodide is about to print an exception leaving Python
    for JS. When no Python frame runs, it is the program's uncaught exception: the streams are
    flushed now, before Pyodide captures fd 2, and its print calls a silent hook (finish calls
    the program's, once). Returns whether it took over that print."""
    try:
        sys._getframe(1)
        return False  # a Python error crossing into JS inside the program: Pyodide's business
    except ValueError:
        pass
    if _state["done"] or "hook" in _state:
        return False
    code_ended()
    _state["hook"], sys.excepthook = sys.excepthook, _silent_hook
    return True


def finish(raised):
    """Called by JS after exec returned (raised=False) or raised (raised=True: the exception is
    sys.last_exc). Prints what CPython prints at exit, runs atexit, returns the JSON report."""
    filename = _state["filename"]
    if "hook" in _state:
        sys.excepthook = _state.pop("hook")
    code_ended()
    way_out = _state["way_out"]
    report = {"kind": "exit", "status": 0, "cause": "end", "line": None, "exception": None}
    e = ended = _state["compile_error"] or (sys.last_exc if raised else None)
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
    try:  # (before the last flush, as CPython's atexit handlers all run before it)
        report["way_out"] = way_out.account(ended)
    except Exception:  # the account must never cost the run its report
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    ended = None
    sigint = {"line": snippet_line(_state["sigint_line"])}
    report["interrupted_at"], report["line"] = sigint if _state["interrupted"] else None, snippet_line(report["line"])
    return json.dumps(report)
