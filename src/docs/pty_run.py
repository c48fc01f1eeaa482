"""Runs a command on a new pseudo-terminal, as a shell in an 80x24 terminal window would, and
writes what the terminal received (stdout and stderr, one stream) to this process's stdout.

usage: python3 pty_run.py CTRL_C_AFTER_MS COMMAND [ARG ...]

Nothing typed is echoed. Ctrl+D is typed at once, so a program that reads its terminal sees end of file as it would from
/dev/null. CTRL_C_AFTER_MS >= 0 types Ctrl+C into the terminal that many ms after the start: the
terminal sends SIGINT to the command, as a reader's Ctrl+C does. Exits with the command's status as a shell
reports it (128 + the signal number when a signal ended it).
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

COLUMNS, ROWS = 80, 24


def main():
    ctrl_c_after = float(sys.argv[1]) / 1000.0
    command = sys.argv[2:]
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        # What is typed is not echoed (no "^C"): what is compared is what the program wrote,
        # whoever pressed Ctrl+C.
        attrs = termios.tcgetattr(0)
        attrs[3] &= ~termios.ECHO
        termios.tcsetattr(0, termios.TCSANOW, attrs)
        os.environ["TERM"] = "xterm-256color"
        os.execvp(command[0], command)
    os.write(fd, b"\x04")
    start = time.monotonic()
    sent = ctrl_c_after < 0
    out = bytearray()
    while True:
        wait = None if sent else max(0.0, start + ctrl_c_after - time.monotonic())
        ready, _, _ = select.select([fd], [], [], wait)
        if not sent and time.monotonic() - start >= ctrl_c_after:
            os.write(fd, b"\x03")
            sent = True
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the command and everything it started have closed the terminal
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(bytes(out))
    code = os.waitstatus_to_exitcode(status)
    sys.exit(128 - code if code < 0 else code)


main()
