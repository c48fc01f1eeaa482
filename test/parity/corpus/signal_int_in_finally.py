# parity: interrupt-after=500
# Ctrl+C while a finally block runs: KeyboardInterrupt is raised there, and the rest of the
# finally never runs.
import time

try:
    print("body", flush=True)
finally:
    print("finally starts", flush=True)
    time.sleep(5)
    print("finally ends")
