import atexit
import os


class Resource:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("never closed")


def work():
    try:
        with Resource():
            print("about to leave", flush=True)
            os._exit(2)
    finally:
        print("finally never runs")


atexit.register(print, "atexit never runs")
work()
