# parity: send=TERM@400
# A SIGTERM handler that returns: the program goes on from where it was.
import signal, time

seen = []
signal.signal(signal.SIGTERM, lambda signum, frame: seen.append(signum))
deadline = time.monotonic() + 10
while not seen and time.monotonic() < deadline:
    time.sleep(0.02)
print("the handler returned and the program went on:", seen == [signal.SIGTERM])
