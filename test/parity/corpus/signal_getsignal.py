import signal

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
print(previous is signal.default_int_handler)
print(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)
