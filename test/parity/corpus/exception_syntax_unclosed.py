print("this line is fine")
values = [1, 2,
