# A program may signal itself: os.kill(os.getpid(), SIGTERM) under the default action ends it at
# once (143), on that line; the buffered line before it is lost.
import os, signal

print("buffered before the signal")
os.kill(os.getpid(), signal.SIGTERM)
print("never printed")
