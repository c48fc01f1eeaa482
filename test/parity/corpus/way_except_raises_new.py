def parse(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError(f"not a number: {text!r}")


parse("seven")
