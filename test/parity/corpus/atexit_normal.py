import atexit

atexit.register(print, "first registered, runs last")
atexit.register(lambda: print("second registered, runs first"))
print("main body done")
