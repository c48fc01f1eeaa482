import os
import sys
print(__name__)
print(os.path.basename(sys.argv[0]), len(sys.argv))
print(os.path.basename(__file__))
