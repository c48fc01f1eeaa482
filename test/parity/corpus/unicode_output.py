import sys
print("héllo wörld ✓ 🐍 中文 ÆØÅ")
print("stderr too: ¿qué? ✗", file=sys.stderr)
print("no newline at the end: ✓", end="")
