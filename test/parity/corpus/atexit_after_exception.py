import atexit

atexit.register(print, "atexit after an uncaught exception")
raise RuntimeError("boom")
