import atexit

def handler():
    print("unregistered handler ran")

atexit.register(handler)
atexit.unregister(handler)
print("done")
