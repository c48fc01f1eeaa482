# parity: no-colour (3.13 colours an exception group but not its members; 3.14 both)
raise ExceptionGroup("several problems", [ValueError("one"), TypeError("two")])
