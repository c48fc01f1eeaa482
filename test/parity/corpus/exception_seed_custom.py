class MyCustomError(Exception):
    pass

# raise the custom exception to stop the script
raise MyCustomError("Something went wrong")
