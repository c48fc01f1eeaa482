import atexit
import os

atexit.register(print, "atexit must not run")
try:
    print("before os._exit")
    os._exit(3)
finally:
    print("finally must not run")
