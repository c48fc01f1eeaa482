"""The snippet's syntax tree as the way-out recorder (`way_out.py`) needs it: which `except`,
`finally` and `with` a handler's line belongs to, and which of them enclose a line when the
process ends without unwinding (os._exit). Runs before `way_out.py` as one text.
"""
import ast, io, tokenize

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


class Constructs:
    """The snippet's `try`/`with` statements, indexed by the lines their handlers run on."""

    def __init__(self, source):
        self.withs, self.excepts, self.finals, self.blocks = {}, {}, [], []
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


def _holds(node, line):
    return node.lineno <= line <= (getattr(node, "end_lineno", None) or node.lineno)
