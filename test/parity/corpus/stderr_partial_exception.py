import sys

print("out line")
sys.stderr.write("partial")
raise ValueError("boom")
