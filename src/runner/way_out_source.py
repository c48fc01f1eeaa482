"""The snippet's source as the way-out recorder (`way_out.py`) needs it: which `except`,
`finally` and `with` a handler belongs to (its syntax tree, and the handler's first located
instruction), which of them enclose a line when the process ends without unwinding (os._exit),
and a call's own text (`sys.exit(2)`). Runs before `way_out.py` as one text.
"""
import ast, dis, io, tokenize

_ENDS_BLOCK = {"RERAISE", "RETURN_VALUE", "RETURN_CONST", "JUMP_BACKWARD", "JUMP_FORWARD"}


def _keyword_line(source, before_line, keyword):
    """The line of the last `keyword` token before `before_line` (the `finally:` of a block)."""
    found = None
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.start[0] >= before_line:
                break
            if tok.type == tokenize.NAME and tok.string == keyword:
                found = tok.start[0]
    except (tokenize.TokenError, SyntaxError):
        pass
    return found


def _holds(node, line):
    return node.lineno <= line <= (getattr(node, "end_lineno", None) or node.lineno)


class Constructs:
    """The snippet's `try`/`with` statements, indexed by the lines their handlers run on."""

    def __init__(self, source):
        self.withs, self.excepts, self.finals, self.blocks = {}, {}, [], []
        self.lines, self.handlers = source.splitlines(), {}
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError):
            return
        segment = lambda node: ast.get_source_segment(source, node) or "..."
        self._walk(tree, [], source, segment)

    def _walk(self, node, path, source, segment):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                # A new frame: its statements are not enclosed by this frame's blocks.
                self._walk(child, [], source, segment)
                continue
            entry = None
            if isinstance(child, (ast.With, ast.AsyncWith)):
                name = ", ".join(segment(item.context_expr) for item in child.items)
                entry = ("with", child.lineno, name, child.body)
                self.withs[child.lineno] = entry
            elif isinstance(child, (ast.Try, getattr(ast, "TryStar", ast.Try))):
                for handler in child.handlers:
                    kind = "except*" if type(child).__name__ == "TryStar" else "except"
                    name = f"{kind} {segment(handler.type)}" if handler.type else kind
                    self.excepts[handler.lineno] = ("except", handler.lineno, name, None)
                if child.finalbody:
                    first, last = child.finalbody[0].lineno, child.finalbody[-1].end_lineno
                    line = _keyword_line(source, first, "finally") or first
                    entry = ("finally", line, "finally", child.body + child.handlers + child.orelse)
                    self.finals.append((first, last, entry))
            if entry is not None:
                self.blocks.append((entry, path))
            self._walk(child, path + [entry] if entry else path, source, segment)

    def handler_at(self, line):
        """What a handler whose first located instruction is on `line` is, or None."""
        if line in self.withs:
            return self.withs[line]
        if line in self.excepts:
            return self.excepts[line]
        inner = None
        for first, last, entry in self.finals:
            if first <= line <= last and (inner is None or first >= inner[0]):
                inner = (first, entry)
        return inner[1] if inner else None

    def pending_at(self, line):
        """The `finally` blocks and `with` statements whose body holds `line`, innermost first."""
        found = [(len(path), entry) for entry, path in self.blocks
                 if any(_holds(node, line) for node in entry[3])]
        return [entry for _, entry in sorted(found, key=lambda f: f[0], reverse=True)]


    def call_text(self, code, offset):
        """The source of the call at `offset` (`sys.exit(2)`, `exit()`), if it is one line.
        (An offset may fall in an instruction's inline cache, after its own offset.)"""
        at = None
        for inst in dis.get_instructions(code):
            if inst.offset > offset:
                break
            at = inst
        where = at.positions if at is not None else None
        if not at or not at.opname.startswith("CALL") or where is None or where.lineno is None \
                or where.lineno != where.end_lineno or where.col_offset is None:
            return None
        text = self.lines[where.lineno - 1].encode("utf-8")
        return text[where.col_offset:where.end_col_offset].decode("utf-8", "replace")

    def handler(self, code, target):
        """The construct of the handler at `target`: its first located instruction's line."""
        key = (code, target)
        if key not in self.handlers:
            self.handlers[key] = None
            for inst in dis.get_instructions(code):
                if inst.offset < target:
                    continue
                line = inst.positions.lineno if inst.positions else None
                if line is not None:
                    self.handlers[key] = self.handler_at(line)
                    break
                if inst.opname in _ENDS_BLOCK:
                    break
        return self.handlers[key]
