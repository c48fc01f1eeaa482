import sys

try:
    print("working")
    sys.stderr.write("before finally;")
finally:
    sys.stderr.write("in finally;")
    raise RuntimeError("from finally")
