"""The way out: what ran, and what never ran, between the start of a program's end and its exit.

A recorder inside the program's interpreter. While the program runs it listens only to
EXCEPTION_HANDLED and RERAISE (PEP 669): each `except`, `finally` and `with` exit that ran, and
whether it let the exception go on — ordinary code runs at full speed, and nothing runs when an
exception is raised (a callback on RAISE would take stack from a RecursionError). At the end the
ending exception's own traceback says where it started and which frames it left; the snippet's
syntax tree (`way_out_source.py`, run before this as one text) names each handler and, at
os._exit, the `finally` blocks and `with` exits pending on the stack that never run.

Plain Python: the runner's driver uses it, and the parity suite runs the same files under
CPython, so the account of every corpus snippet is compared with CPython's own.
"""
import collections, sys

# Tools 0-2 and 5 have names in PEP 669 (debugger, coverage, profiler, optimizer): a program's
# own tool most likely takes one of those, so the recorder asks for an unnamed one first.
_TOOL_IDS = (4, 3, 5, 2, 1, 0)


def _line_of(code, offset):
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line
    return None


def _chain(exc):
    """`exc` and the exceptions it was raised while handling, oldest first."""
    chain = []
    while exc is not None and len(chain) < 20 and exc not in chain:
        chain.append(exc)
        exc = exc.__context__
    return chain[::-1]


class WayOut:
    """Records one run's way out; `account()` gives its steps, in order."""

    def __init__(self, filename, source, output=None):
        self.filename = filename
        self.source = source
        # `(position(), text(start, end))` of what the process wrote to fd 1 and 2 (bytes, in
        # order), or None: each step's own output is the text written while it ran.
        self.output = output
        self._constructs = None
        self.events = collections.deque(maxlen=10_000)  # (reraised?, code, offset, exc, position)
        self.exits = AtExits()
        self.signal = None  # the last signal delivered: [step, the exception its handler raised]
        self.ended = None  # the account, once os._exit or a signal's default action ended it
        self.flushed = []  # what the streams still held when the program's code ended
        self.tool = None
        self.frozen_at = None  # the output's position when the program's code ended

    @property
    def constructs(self):
        """The snippet's syntax tree, parsed only when an end asks for it (not at every start)."""
        if self._constructs is None:
            self._constructs = Constructs(self.source)
        return self._constructs

    def install(self):
        """Listens with a free tool id; a program that asks for that id gets it, and the
        recorder moves to another (or stops, if none is left)."""
        monitoring = getattr(sys, "monitoring", None)
        if monitoring is None:
            return
        real_use = monitoring.use_tool_id

        def use_tool_id(tool_id, name):
            if tool_id == self.tool and tool_id is not None:
                frozen = self.frozen_at is not None
                self.uninstall()
                real_use(tool_id, name)
                if not frozen:
                    self._listen(monitoring, real_use)
                return None
            return real_use(tool_id, name)

        monitoring.use_tool_id = use_tool_id
        self._listen(monitoring, real_use)

    def _listen(self, monitoring, use):
        free = [tool for tool in _TOOL_IDS if monitoring.get_tool(tool) is None]
        if not free:
            return
        self.tool = free[0]
        use(self.tool, "way out")
        events = monitoring.events
        monitoring.register_callback(self.tool, events.EXCEPTION_HANDLED, self._handled)
        monitoring.register_callback(self.tool, events.RERAISE, self._reraised)
        monitoring.set_events(self.tool, events.EXCEPTION_HANDLED | events.RERAISE)

    def uninstall(self):
        if self.tool is not None:
            self.exits.unwatch()
            sys.monitoring.set_events(self.tool, 0)
            sys.monitoring.free_tool_id(self.tool)
            self.tool = None

    def track_atexit(self, line_of_caller):
        self.exits.track(line_of_caller)

    def _handled(self, code, offset, exc):
        if code.co_filename == self.filename:
            self.events.append((False, code, offset, exc, self._position()))

    def _reraised(self, code, offset, exc):
        if code.co_filename == self.filename:
            self.events.append((True, code, offset, exc, self._position()))

    def _position(self):
        return self.output[0]() if self.output is not None else None

    # -- the end ------------------------------------------------------------------------------

    def deliver(self, signame, line, what=None):
        """A signal's handler is about to run on `line` (`signal[1]`: what it raised, if any)."""
        self.signal = [_step("signal", line, what or f"{signame} delivered"), None]
        self.signal[0]["at"] = self._position()

    def handler_returned(self):
        """The signal's handler returned (the program goes on): its output ends here."""
        if self.signal is not None:
            self.signal[0]["until"] = self._position()

    def os_exit(self, frame, line, name=None, kind="start"):
        """The process ends now, on `line` (os._exit, a signal's default action): the pending
        cleanup and the atexit handlers never run."""
        self.uninstall()
        if name is None:
            mine = self._mine(frame)
            call = self.constructs.call_text(frame.f_code, frame.f_lasti) if mine else None
            name = f"{call} called" if call else "os._exit() called"
        steps = [_step(kind, line, name)]
        while frame is not None:
            if self._mine(frame):
                for what, at, label, _ in self.constructs.pending_at(frame.f_lineno):
                    steps.append(_step(what, at, label, ran=False))
            frame = frame.f_back
        try:
            lost = lost_output()
        except Exception:  # the account must never change how the program ends
            lost = []
        self.ended = steps + self.exits.steps(ran=False) + lost
        return self.ended

    def flush_at_exit(self):
        """Flushes stdout and stderr as CPython does when the main module ends, counting what
        that writes (a partial last line, or a pipe's block buffer)."""
        self.flushed = flush_streams()

    def freeze(self):
        """The program's code is over (it returned or raised): what follows is shutdown, where
        only the atexit handlers' starts are watched (each one's output is its own)."""
        self.frozen_at = self._position()
        if self.tool is not None:
            sys.monitoring.set_events(self.tool, 0)
        if self.output is None or not self.exits.watch(self.tool, self._position):
            self.uninstall()

    def account(self, raised):
        """The steps, after shutdown; `raised` is the exception that ended the program, or None
        when it finished (a Ctrl+C it caught still shows how it was handled)."""
        if self.ended is not None:
            return self.ended
        end = self._position()
        self.uninstall()
        signal, by_signal = self.signal or (None, None)
        steps = []
        if signal is not None and by_signal is None:  # its handler returned: the program went on
            signal["name"] += ": its handler returned, and the program went on"
            steps.append(signal)
        if raised is None and by_signal is None:
            steps.append(_step("start", None, "the last line finished"))
        chain = _chain(raised) if raised is not None else [by_signal] if by_signal else []
        for exc in chain:
            if exc is by_signal:
                steps.append(signal)
            own = self._steps_for(exc, escaped=exc is raised, start=exc is not by_signal)
            if exc is raised or exc is by_signal or own[0]["line"] is not None:
                steps += own  # (an exception that never touched the snippet is not a step)
        text = self.output[1] if self.output is not None else None
        exits = self.exits.steps(ran=True)
        return tie_printed(steps, self.frozen_at, text) + self.flushed + tie_printed(exits, end, text)

    def _steps_for(self, exc, escaped, start):
        frames = []  # the snippet's frames it passed, innermost first: (code, line, instruction)
        tb = exc.__traceback__
        while tb is not None:
            if self._mine(tb.tb_frame):
                frames.insert(0, (tb.tb_frame.f_code, tb.tb_lineno, tb.tb_lasti))
            tb = tb.tb_next
        steps = []
        if start:
            code, line, lasti = frames[0] if frames else (None, None, None)
            exiting = code is not None and isinstance(exc, SystemExit)
            call = self.constructs.call_text(code, lasti) if exiting else None
            steps.append(_step("start", line, f"{call} called" if call
                               else f"{type(exc).__name__} raised"))
        at = 0
        for reraised, code, offset, seen, position in self.events:
            if seen is not exc:
                continue
            while at < len(frames) - 1 and frames[at][0] is not code:
                self._left(steps, frames[at])
                at += 1
            self._handler_step(steps, reraised, code, offset, position)
        for frame in frames[at:] if escaped else ():
            self._left(steps, frame)
        return steps

    def _handler_step(self, steps, reraised, code, offset, position):
        last = steps[-1] if steps else None
        if not reraised:
            construct = self.constructs.handler(code, offset)
            if construct is not None:
                kind, line, name, _ = construct
                steps.append(_step(kind, line, name))
                steps[-1]["at"] = position
            return
        if last and "at" in last and "until" not in last:
            last["until"] = position  # the handler ended here: its output is what came before
        line = _line_of(code, offset)
        if line is not None and last and last["step"] == "except":
            if last["line"] == line:
                steps.pop()  # the clause did not match: it was not the one that caught it
            else:
                last["reraised"] = True

    @staticmethod
    def _left(steps, frame):
        code, line, _ = frame
        name = getattr(code, "co_qualname", code.co_name)
        last = steps[-1] if steps else None
        if last and last["step"] == "unwind" and (last["name"], last["line"]) == (name, line):
            last["repeated"] = last.get("repeated", 0) + 1  # a recursion, folded as a traceback
        else:
            steps.append(_step("unwind", line, name))

    def _mine(self, frame):
        return frame.f_code.co_filename == self.filename
