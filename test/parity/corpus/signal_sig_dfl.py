# parity: interrupt-after=400
import signal

signal.signal(signal.SIGINT, signal.SIG_DFL)
try:
    print("SIG_DFL: the process dies at once")
    while True:
        pass
finally:
    print("finally must not run")
