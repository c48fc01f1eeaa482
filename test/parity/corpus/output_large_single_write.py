import sys
sys.stdout.write("y" * 1_000_000)
sys.stdout.write("\n")
