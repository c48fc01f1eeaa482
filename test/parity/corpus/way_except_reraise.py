import sys


def load():
    try:
        raise KeyError("missing")
    except KeyError:
        print("logged, then raised again", file=sys.stderr)
        raise
    except ValueError:
        print("never")


try:
    load()
finally:
    print("outer finally")
