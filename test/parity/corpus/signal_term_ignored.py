# parity: send=TERM@300
# SIGTERM under SIG_IGN: nothing happens.
import signal, time

previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
print("default before:", previous == signal.SIG_DFL)
time.sleep(1.2)
print("still here; ignored:", signal.getsignal(signal.SIGTERM) == signal.SIG_IGN)
