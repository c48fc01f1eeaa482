import os
import sys

# os._exit flushes nothing: the partial text on stderr is lost, as in CPython.
sys.stderr.write("lost on stderr")
print("lost on stdout", end="")
os._exit(5)
