# parity: send=KILL@400
# SIGKILL ends the process at once, whatever it does: no finally, no atexit; a shell sees 137.
import atexit, signal, time

atexit.register(print, "atexit handler")
signal.signal(signal.SIGTERM, signal.SIG_IGN)
try:
    print("started", flush=True)
    while True:
        time.sleep(0.05)
finally:
    print("finally")
