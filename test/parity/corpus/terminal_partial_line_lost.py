print("partial", end="")
import os
os._exit(3)
