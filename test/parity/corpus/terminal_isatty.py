import sys
print(sys.stdin.isatty(), sys.stdout.isatty(), sys.stderr.isatty())
print(sys.stdout.line_buffering, sys.stderr.line_buffering)
