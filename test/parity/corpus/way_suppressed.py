import contextlib

with contextlib.suppress(ZeroDivisionError):
    print(1 / 0)
print("carried on")
raise SystemExit("stopped with a message")
