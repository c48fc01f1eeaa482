import sys

# A program with its own PEP 669 tool (the id the recorder would take first) and a trace function:
# both work as in CPython, and the way out is still recorded.
mon = sys.monitoring
mon.use_tool_id(4, "mine")
starts = []
mon.register_callback(4, mon.events.PY_START, lambda code, offset: starts.append(code.co_name))
mon.set_events(4, mon.events.PY_START)
calls = []


def tracer(frame, event, arg):
    if event == "call":
        calls.append(frame.f_code.co_name)
    return None


def work():
    return 42


sys.settrace(tracer)
work()
sys.settrace(None)
mon.set_events(4, 0)
print("started:", starts.count("work"), "traced:", calls)
try:
    raise LookupError("still recorded")
finally:
    print("finally")
