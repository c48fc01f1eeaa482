try:
    {}["missing"]
except KeyError:
    raise ValueError("replaced") from None
