import sys
def hook(t, v, tb):
    print("hook called", t.__name__)
    sys.stderr.write("hook err\n")
sys.excepthook = hook
sys.stderr.write("partial;")
raise ValueError("x")
