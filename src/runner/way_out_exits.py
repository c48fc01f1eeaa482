"""The atexit handlers, for the way-out recorder (`way_out.py`, which runs after this as one
text): each one's name and the line that registered it, and — watched only after the program's
code is over, with PY_START on their own code objects — where its output began when it ran.
"""
import atexit, sys


class AtExits:
    """The handlers `atexit.register` was given (and not `unregister`ed), in order."""

    def __init__(self):
        self.registered = []  # (function, name, line)
        self.seen = []  # (+1 start or -1 end, code, output position) of the handlers, in order
        self.watched = ()  # (tool, code objects) while their starts are watched

    def track(self, line_of_caller):
        """atexit.register notes each handler's name and the line that registered it."""
        real_register, real_unregister = atexit.register, atexit.unregister

        def register(func, *args, **kwargs):
            name = getattr(func, "__qualname__", None) or repr(func)
            self.registered.append((func, name, line_of_caller()))
            return real_register(func, *args, **kwargs)

        def unregister(func):
            self.registered = [entry for entry in self.registered if entry[0] != func]
            return real_unregister(func)

        atexit.register, atexit.unregister = register, unregister

    def watch(self, tool, position):
        """Notes `position()` as each handler starts and ends (`tool`: the recorder's own, its
        global events already off). False when there is nothing to watch."""
        codes = {code_of(func) for func, _, _ in self.registered} - {None}
        if tool is None or not codes:
            return False
        monitoring = sys.monitoring
        events = monitoring.events

        def seen(edge):
            def callback(code, offset, *_):
                if code in codes:
                    self.seen.append((edge, code, position()))

            return callback

        monitoring.register_callback(tool, events.PY_START, seen(1))
        monitoring.register_callback(tool, events.PY_RETURN, seen(-1))
        monitoring.register_callback(tool, events.PY_UNWIND, seen(-1))
        for code in codes:
            monitoring.set_local_events(tool, code, events.PY_START | events.PY_RETURN)
        monitoring.set_events(tool, events.PY_UNWIND)  # (a global event only: filtered by code)
        self.watched = (tool, codes)
        return True

    def unwatch(self):
        if self.watched:
            tool, codes = self.watched
            for code in codes:
                sys.monitoring.set_local_events(tool, code, 0)
            sys.monitoring.set_events(tool, 0)
            self.watched = ()

    def _span(self, code, after):
        """Where the next call of `code` seen from index `after` began and ended, and the index
        past its start: (start, end, next index), or None."""
        for index in range(after, len(self.seen)):
            edge, seen, start = self.seen[index]
            if edge != 1 or seen is not code:
                continue
            depth = 0
            for edge, seen, end in self.seen[index:]:
                if seen is code:
                    depth += edge
                    if depth == 0:
                        return start, end, index + 1
            return start, None, index + 1
        return None

    def steps(self, ran):
        """One step per handler, in the order they run (the last registered first), with where
        its output began (`at`) when it was seen starting; it ends where the next one begins (so
        a traceback atexit prints for it is its own), or at its own end when the next one cannot
        be watched (a builtin such as `print`)."""
        steps, after = [], 0
        handlers = list(reversed(self.registered))
        for index, (func, name, line) in enumerate(handlers):
            step = _step("atexit", line, name, ran)
            span = self._span(code_of(func), after) if ran and code_of(func) else None
            if span is not None:
                step["at"], end, after = span
                following = handlers[index + 1][0] if index + 1 < len(handlers) else None
                if following is not None and code_of(following) is None and end is not None:
                    step["until"] = end
            steps.append(step)
        return steps
