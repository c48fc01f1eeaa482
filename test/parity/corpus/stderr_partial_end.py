import sys

# A partial line on stderr at a normal end: CPython flushes stdout, then stderr, as it finalises.
print("out", end="")
sys.stderr.write("err without newline")
