# parity: send=TERM@400
# A SIGTERM handler that exits: it runs where the program is, its SystemExit unwinds, so the
# finally and atexit run and the status is sys.exit's.
import atexit, signal, sys, time

def on_term(signum, frame):
    print("SIGTERM handler:", signal.Signals(signum).name)
    sys.exit(0)

atexit.register(print, "atexit handler")
signal.signal(signal.SIGTERM, on_term)
try:
    while True:
        time.sleep(0.05)
finally:
    print("finally")
