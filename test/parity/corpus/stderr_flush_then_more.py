import sys

sys.stderr.write("first,")
sys.stderr.flush()
sys.stderr.write("second,")
print("stdout part", end="")
sys.stderr.write("third")
