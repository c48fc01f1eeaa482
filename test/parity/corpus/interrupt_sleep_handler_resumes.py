# parity: interrupt-after=300
import signal
import time

signal.signal(signal.SIGINT, lambda s, f: print("handler ran; sleep resumes"))
start = time.monotonic()
time.sleep(1)
print("slept at least 1 s:", time.monotonic() - start >= 1)
