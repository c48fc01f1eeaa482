# parity: interrupt-after=400
print("looping")
while True: pass
