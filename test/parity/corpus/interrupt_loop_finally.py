# parity: interrupt-after=400
try:
    while True: pass
finally:
    print("finally runs on KeyboardInterrupt")
