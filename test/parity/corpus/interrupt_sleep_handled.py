# parity: interrupt-after=400
import time

try:
    time.sleep(30)
except KeyboardInterrupt:
    print("woke up early")
