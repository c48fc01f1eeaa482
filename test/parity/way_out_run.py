"""Runs a snippet under this CPython with the way-out recorder, as `python3 snippet.py` would
run it, and writes the account (JSON) to the file named by WAY_OUT_FILE.

usage: WAY_OUT_FILE=out.json python3 way_out_run.py SNIPPET

The snippet's own output and exit status are CPython's; the parity suite compares the account
with the runner's (`npm run snippet -- SNIPPET --json`).
"""
import atexit, json, os, signal, sys, types

RUNNER_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "runner")


def _recorder_class():
    """WayOut (and the driver's frame_line) from the files the driver runs as one text."""
    text, names = "", {}
    for name in ("driver_pure.py", "way_out_source.py", "way_out_streams.py", "way_out_exits.py",
                 "way_out.py"):
        with open(os.path.join(RUNNER_DIR, name), encoding="utf-8") as f:
            text += f.read() + "\n"
    exec(compile(text, os.path.join(RUNNER_DIR, "way_out.py"), "exec"), names)
    return names["WayOut"], names["frame_line"]


WayOut, frame_line = _recorder_class()


def _stack():
    frame, frames = sys._getframe(1), []
    while frame is not None:
        frames.append(frame)
        frame = frame.f_back
    return frames


def _output_file():
    """fd 1 and 2 into one temporary file, so the recorder can read how much has been written to
    them (its size) and what (its bytes) at any moment, as the runner counts what reaches its
    terminal. The streams keep the buffering they were opened with (a pipe's)."""
    fd = os.open(os.environ["WAY_OUT_FILE"] + ".out", os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)

    def text(start, end):
        return os.pread(fd, end - start, start).decode("utf-8", "replace")

    return (lambda: os.fstat(fd).st_size, text)


def main():
    path = os.path.abspath(sys.argv[1])
    out = os.environ["WAY_OUT_FILE"]
    with open(path, encoding="utf-8") as f:
        source = f.read()
    recorder = WayOut(path, source, _output_file())

    def dump(steps):
        with open(out, "w", encoding="utf-8") as f:
            json.dump(steps, f)

    real_exit = os._exit

    def os_exit(status):
        frame = sys._getframe(1)
        dump(recorder.os_exit(frame, frame_line(frame, path)))
        real_exit(status)

    # SIGINT and SIGTERM as the runner's driver sees them: whatever handler the program sets, the
    # delivery is recorded first; under the default action the account is taken, then the real
    # default action ends the process. (SIGINT's default handler raises KeyboardInterrupt.)
    real_signal, real_getsignal = signal.signal, signal.getsignal
    chosen = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL}

    def on_signal(signum, frame):
        handler, line, name = chosen[signum], frame_line(frame, path), signal.Signals(signum).name
        if handler == signal.SIG_DFL:
            what = ("SIGINT delivered (SIG_DFL)" if signum == signal.SIGINT
                    else f"{name} delivered (its default action: end at once)")
            dump(recorder.os_exit(frame, line, what, "signal"))
            real_signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        recorder.deliver(name, line)
        try:
            handler(signum, frame)
        except BaseException as e:
            recorder.signal[1] = e
            raise
        recorder.handler_returned()
        return None

    def signal_(signum, handler):
        if signum not in chosen:
            return real_signal(signum, handler)
        previous, chosen[signum] = chosen[signum], handler
        real_signal(signum, signal.SIG_IGN if handler == signal.SIG_IGN else on_signal)
        return previous

    def getsignal(signum):
        return chosen[signum] if signum in chosen else real_getsignal(signum)

    os._exit = os_exit
    real_signal(signal.SIGINT, on_signal)
    real_signal(signal.SIGTERM, on_signal)
    signal.signal, signal.getsignal = signal_, getsignal
    ended = {"raised": None}
    atexit.register(lambda: dump(recorder.account(ended["raised"])))  # first in: runs last
    recorder.track_atexit(lambda: frame_line(sys._getframe(2), path))
    main_module = types.ModuleType("__main__")
    main_module.__file__ = path
    sys.modules["__main__"] = main_module
    sys.argv = [path]
    sys.path[0] = os.path.dirname(path)
    # The frames below the program's are the harness's: CPython's limit is the program's own.
    sys.setrecursionlimit(sys.getrecursionlimit() + len(_stack()))
    recorder.install()
    try:
        exec(compile(source, path, "exec"), main_module.__dict__)
    except BaseException as e:
        ended["raised"] = e
        raise
    finally:
        recorder.freeze()
        recorder.flush_at_exit()  # where CPython's flush_io is about to flush them


main()
