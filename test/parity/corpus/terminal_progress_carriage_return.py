import time
for i in range(5):
    print(f"\r{i * 25}%", end="", flush=True)
    time.sleep(0.01)
print()
