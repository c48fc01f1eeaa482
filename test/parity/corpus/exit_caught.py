import sys
try:
    sys.exit(2)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
print("still running")
