import warnings
warnings.warn("this API is deprecated")
print("after the warning")
