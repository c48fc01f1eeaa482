# parity: interrupt-after=300
# SIGINT under SIG_IGN: Ctrl+C does nothing, and the program ends on its own.
import signal, time

signal.signal(signal.SIGINT, signal.SIG_IGN)
time.sleep(1.2)
print("Ctrl+C was ignored")
