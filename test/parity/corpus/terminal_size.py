import os
import shutil
try:
    print("terminal", tuple(os.get_terminal_size()))
except OSError:
    print("no terminal")
print("shutil", tuple(shutil.get_terminal_size()))
