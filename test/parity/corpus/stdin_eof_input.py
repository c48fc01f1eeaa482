name = input("What is your name? ")
print("hello", name)
