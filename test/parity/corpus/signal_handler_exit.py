# parity: interrupt-after=400
import signal
import sys

def handler(signum, frame):
    print("cleaning up before exit")
    sys.exit(3)

signal.signal(signal.SIGINT, handler)
while True:
    pass
