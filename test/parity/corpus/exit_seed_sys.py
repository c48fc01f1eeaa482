import sys

# exit the script with a status code of 0 (success)
sys.exit(0)

# exit with a non-zero status code (failure)
sys.exit(1)
