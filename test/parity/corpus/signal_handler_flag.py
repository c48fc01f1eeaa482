# parity: interrupt-after=400
import signal

stop = False

def handler(signum, frame):
    global stop
    stop = True
    print("handler got signal", signum)

signal.signal(signal.SIGINT, handler)
print("waiting for SIGINT")
while not stop:
    pass
print("stopped cleanly")
