import atexit
import sys


def goodbye():
    print("atexit: goodbye")


def work():
    try:
        print("working")
        sys.exit(2)
    finally:
        print("finally in work()")


atexit.register(goodbye)
try:
    work()
finally:
    print("finally at the top")
