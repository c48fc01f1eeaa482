import sys

def main():
    try:
        print("working")
        sys.exit(7)
    finally:
        print("finally runs on sys.exit")

main()
