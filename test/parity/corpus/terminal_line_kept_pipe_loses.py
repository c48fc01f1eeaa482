print("a complete line")
import os
os._exit(0)
