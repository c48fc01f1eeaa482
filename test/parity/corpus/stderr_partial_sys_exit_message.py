import sys

print("out line")
sys.stderr.write("unflushed,")
sys.exit("message")
