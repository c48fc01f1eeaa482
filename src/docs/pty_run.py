"""Runs a command on a new pseudo-terminal, as a shell in an 80x24 terminal window would, and
writes what the terminal received (stdout and stderr, one stream) to this process's stdout.

usage: python3 pty_run.py CTRL_C_AFTER_MS|SIGNALS COMMAND [ARG ...]

Nothing typed is echoed. Ctrl+D is typed at once, so a program that reads its terminal sees end of file as it would from
/dev/null. CTRL_C_AFTER_MS >= 0 types Ctrl+C into the terminal that many ms after the start: the
terminal sends SIGINT to the command, as a reader's Ctrl+C does. SIGNALS (`INT@300,TERM@500`)
does the same for each: INT typed as Ctrl+C, any other sent to the command as `kill -SIG` would.
Exits with the command's status as a shell reports it (128 + the signal number when a signal
ended it).
"""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

COLUMNS, ROWS = 80, 24


def _schedule(spec):
    """[(seconds after the start, signal name)], in time order, from MS or `INT@300,TERM@500`."""
    if "@" not in spec:
        return [] if float(spec) < 0 else [(float(spec) / 1000.0, "INT")]
    return sorted((float(ms) / 1000.0, name) for name, ms in (p.split("@") for p in spec.split(",")))


def main():
    schedule = _schedule(sys.argv[1])
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
    out = bytearray()
    while True:
        wait = None if not schedule else max(0.0, start + schedule[0][0] - time.monotonic())
        ready, _, _ = select.select([fd], [], [], wait)
        while schedule and time.monotonic() - start >= schedule[0][0]:
            _, name = schedule.pop(0)
            if name == "INT":
                os.write(fd, b"\x03")
            else:
                try:
                    os.kill(pid, getattr(signal, f"SIG{name}"))
                except ProcessLookupError:
                    pass
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
