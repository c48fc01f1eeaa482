# parity: interrupt-after=400
import time

print("sleeping")
time.sleep(30)
