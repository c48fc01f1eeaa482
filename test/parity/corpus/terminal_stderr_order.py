import sys
print("first, buffered until the end when piped", end="")
print("an error line", file=sys.stderr)
print()
print("last")
