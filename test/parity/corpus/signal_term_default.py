# parity: send=TERM@400
# `kill PID` (SIGTERM) with its default action: the process ends at once — no finally, no atexit,
# buffers lost — and a shell sees 143.
import atexit, time

atexit.register(print, "atexit handler")
print("working", flush=True)
print("buffered, never written")
try:
    while True:
        time.sleep(0.05)
finally:
    print("finally")
