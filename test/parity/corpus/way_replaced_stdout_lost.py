import io, os, sys

# The program put its own block-buffered stream in sys.stdout's place: os._exit loses what it
# holds, and the way out counts it there too.
sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)), encoding="utf-8")
print("held by the program's own buffer")
os._exit(4)
