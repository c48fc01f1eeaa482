"""Signals as a program run by the runner sees them (runs before `driver.py` as one text).

Pyodide delivers one signal, SIGINT, by running Python's SIGINT handler at its next check; the
driver owns that handler and every signal a reader sends rides on it (`hooks.signals()` says
which: SIGINT, SIGTERM, or SIGKILL). The program's own handlers for SIGINT and SIGTERM are kept
here, so `signal.signal`, `signal.getsignal`, `signal.raise_signal` and `os.kill(os.getpid(), …)`
behave as in CPython: a handler runs where the program is; SIG_IGN does nothing; the default
action of SIGINT raises KeyboardInterrupt (SIG_DFL ends the process, 130), of SIGTERM ends the
process at once (143: no finally, no atexit); SIGKILL always ends it at once (137). Before a
process ends at once, the way-out recorder notes what never ran.
"""
import json, os, posix, signal, sys

_real_signal, _real_getsignal = signal.signal, signal.getsignal
_real_raise_signal, _real_kill = signal.raise_signal, os.kill


class Signals:
    """The program's handlers, and the delivery of each signal to them."""

    MANAGED = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, filename, hooks, way_out, state, exit_now):
        self.filename, self.hooks, self.way_out = filename, hooks, way_out
        self.state, self.exit_now = state, exit_now
        self.handlers = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL}

    def install(self):
        _real_signal(signal.SIGINT, self._carrier)
        signal.signal, signal.getsignal = self.signal, self.getsignal
        signal.raise_signal = self.raise_signal
        os.kill = posix.kill = self.kill

    def _carrier(self, signum, frame):
        """Python's SIGINT handler: delivers each signal pending now, lowest number first (as
        CPython runs tripped handlers); if a handler raises, the rest wait for the next check."""
        self.hooks.delivered()
        if self.state["done"]:
            return None  # too late to interrupt anything: the program's code is over
        pending = [int(number) for number in self.hooks.signals().split(",") if number]
        for index, number in enumerate(pending):
            try:
                self.deliver(number, frame)
            except BaseException:
                rest = pending[index + 1:]
                if rest:
                    self.hooks.requeue(",".join(map(str, rest)))
                raise
        return None

    def deliver(self, number, frame, what=None):
        """Signal `number` reaches the program in `frame`: its handler runs, or its default
        action (`what`: how the way out names its delivery, if not "SIGINT delivered")."""
        line = frame_line(frame, self.filename)
        name = signal.Signals(number).name
        if number == signal.SIGKILL:
            self._end_now(frame, line, "SIGKILL", "SIGKILL delivered: ended at once", "kill", 137)
        handler = self.handlers.get(number, signal.SIG_DFL)
        if handler == signal.SIG_IGN:
            return None  # nothing reaches the program
        if number == signal.SIGINT:
            self.state["interrupted"], self.state["sigint_line"] = True, line
        if handler == signal.SIG_DFL or handler is None:
            if number == signal.SIGINT:
                self._end_now(frame, line, "SIG_DFL", "SIGINT delivered (SIG_DFL)", "signal", 130)
            self._end_now(frame, line, name, f"{name} delivered (its default action: end at once)",
                          "signal", 128 + number)
        self.way_out.deliver(name, line, what)
        try:
            handler(number, frame)
        except BaseException as e:
            self.way_out.signal[1] = e
            raise
        self.way_out.handler_returned()
        return None

    def interrupt_at(self, code, line):
        """SIGINT delivered when `line` is about to run, the first time (the reader's marker):
        LINE events on the snippet's own code objects only, each other line disabled at its
        first pass, all off after the hit. Its own tool id, the optimizer's (5) if free."""
        monitoring = getattr(sys, "monitoring", None)
        if not line or monitoring is None:
            return
        tool = next((t for t in (5, 3, 4, 2, 1, 0) if monitoring.get_tool(t) is None), None)
        if tool is None:
            return
        codes, stack = [], [code]
        while stack:
            codes.append(stack.pop())
            stack += [c for c in codes[-1].co_consts if isinstance(c, type(code))]
        monitoring.use_tool_id(tool, "interrupt at line")

        def on_line(code, at):
            if at != line:
                return monitoring.DISABLE
            for each in codes:
                monitoring.set_local_events(tool, each, 0)
            monitoring.free_tool_id(tool)
            self.deliver(signal.SIGINT, sys._getframe(1), f"SIGINT delivered when line {line} starts")
            return None

        monitoring.register_callback(tool, monitoring.events.LINE, on_line)
        for each in codes:
            monitoring.set_local_events(tool, each, monitoring.events.LINE)

    def _end_now(self, frame, line, kind, what, step, status):
        steps = self.way_out.os_exit(frame, line, what, step)
        self.hooks.note(kind, line, json.dumps(steps))
        self.exit_now(status)

    def signal(self, signalnum, handler):
        if signalnum not in self.MANAGED:
            return _real_signal(signalnum, handler)
        if handler not in (signal.SIG_IGN, signal.SIG_DFL) and not callable(handler):
            return _real_signal(signalnum, handler)  # CPython's own TypeError
        previous, self.handlers[signalnum] = self.handlers[signalnum], handler
        return previous

    def getsignal(self, signalnum):
        if signalnum in self.MANAGED:
            return self.handlers[signalnum]
        return _real_getsignal(signalnum)

    def raise_signal(self, signalnum):
        """As CPython's: the handler runs before raise_signal returns."""
        if signalnum in self.MANAGED or signalnum == signal.SIGKILL:
            return self.deliver(int(signalnum), sys._getframe(1))
        return _real_raise_signal(signalnum)

    def kill(self, pid, signalnum):
        """`os.kill` to this process (its pid, or 0: its group) delivers here, at the caller."""
        if pid in (os.getpid(), 0) and (signalnum in self.MANAGED or signalnum == signal.SIGKILL):
            self.deliver(int(signalnum), sys._getframe(1))
            return None
        return _real_kill(pid, signalnum)
