raise ValueError("значение недопустимо 🚫")
