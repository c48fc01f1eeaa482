# parity: interrupt-after=400
try:
    while True:
        # do some work here
        pass
except KeyboardInterrupt:
    # stop the script gracefully on Ctrl+C
    print("User interrupted the script")
