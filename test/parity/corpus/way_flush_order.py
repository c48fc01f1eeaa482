import atexit
import sys

# A partial line is flushed when the program's code ends, before atexit runs: on a terminal the
# handler's line comes after it.
atexit.register(lambda: print(" <- then atexit", file=sys.stderr))
print("partial line", end="")
