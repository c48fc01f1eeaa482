import atexit

def broken():
    raise ValueError("handler failed")

atexit.register(print, "still runs")
atexit.register(broken)
print("exit status stays 0")
