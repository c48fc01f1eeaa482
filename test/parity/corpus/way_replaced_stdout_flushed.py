import io, sys

# CPython flushes sys.stdout as the program left it when the main module ends: the way out
# counts what that wrote, and shows it.
sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)), encoding="utf-8")
print("written at the end")
sys.exit(0)
