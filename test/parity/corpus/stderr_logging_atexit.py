import logging
import sys

logging.basicConfig(format="%(levelname)s:%(message)s")
logging.warning("logged")
print("out", end="")
sys.stderr.write("err partial;")
