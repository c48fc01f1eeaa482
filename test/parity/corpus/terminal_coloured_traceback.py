def check(value):
    raise ValueError(f"bad value: {value}")

check(42)
