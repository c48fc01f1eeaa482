raise ExceptionGroup("several problems", [ValueError("one"), TypeError("two")])
