# signal.raise_signal(SIGINT): the default handler raises KeyboardInterrupt before raise_signal
# returns, on that line.
import signal

def main():
    try:
        signal.raise_signal(signal.SIGINT)
    finally:
        print("finally in main()")

main()
