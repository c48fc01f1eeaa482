import atexit
import sys


def bye():
    sys.stdout.write("atexit out;")
    sys.stderr.write("atexit err;")


atexit.register(bye)
print("main", end="")
sys.stderr.write("main err;")
