err = ValueError("bad value")
err.add_note("hint: values must be positive")
raise err
