import os

# exit immediately with a status code of 0
os._exit(0)

# exit immediately with a non-zero status code
os._exit(1)
