"""Find the source of a code object: the file's AST and the def or lambda node it came from.

The whole file is parsed once (through `linecache`, so IPython cells work) and
nodes are matched by name and line, lambdas on one line told apart by the
positions of the code object's instructions.
"""
import ast
import linecache
import types
from dataclasses import dataclass

from pyfora.errors import CantGetSourceTextError

FunctionNode = ast.FunctionDef | ast.Lambda


@dataclass
class _FileIndex:
    """One parse of a file's text: its lines, and its defs and lambdas by the line they start on."""
    lines: list[str]
    defs: dict[tuple[str, int], list[ast.AST]]    # (name, co_firstlineno) -> def nodes
    lambdas: dict[int, list[ast.Lambda]]          # lineno -> lambda nodes
    imported: frozenset                           # the names module-level imports bind

    def segment(self, node: ast.AST) -> str:
        """The text of `node` (ast.get_source_segment without splitting the whole file again)."""
        first, last = node.lineno - 1, node.end_lineno - 1
        start, end = node.col_offset, node.end_col_offset    # UTF-8 byte offsets
        if first == last:
            return self.lines[first].encode()[start:end].decode()
        head = self.lines[first].encode()[start:].decode()
        tail = self.lines[last].encode()[:end].decode()
        return head + "".join(self.lines[first + 1:last]) + tail


_indexed: dict[tuple[str, int], _FileIndex] = {}


def _index(filename: str) -> _FileIndex:
    """Parse (and cache, by content) the current text of `filename` from linecache, and index it."""
    lines = linecache.getlines(filename)
    text = "".join(lines)
    key = (filename, hash(text))
    index = _indexed.get(key)
    if index is None:
        if not lines:
            raise CantGetSourceTextError(f"cannot find the source text of {filename!r}")
        defs: dict = {}
        lambdas: dict = {}
        tree = ast.parse(text, filename)
        for node in ast.walk(tree):
            if isinstance(node, ast.Lambda):
                lambdas.setdefault(node.lineno, []).append(node)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                defs.setdefault((node.name, first_line(node)), []).append(node)
        index = _indexed[key] = _FileIndex(lines, defs, lambdas, _module_imports(tree))
    return index


def _module_imports(tree: ast.Module) -> frozenset:
    """The names that import statements bind in the module's own scope (not inside defs or classes)."""
    names = set()
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update(alias.asname or alias.name.split(".")[0] for alias in node.names)
        elif not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            todo.extend(child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt)
                        or isinstance(child, (ast.excepthandler, ast.match_case)))
    names.discard("*")
    return frozenset(names)


def module_imports(filename: str) -> frozenset:
    """The names module-level imports of `filename` bind (CPython 3.11 compiles `m.f(x)` differently
    when `m` is one of them)."""
    return _index(filename).imported


_NOT_KEPT = {
    "<string>": "code given to exec(), or to `python -c` before 3.13",
    "<stdin>": "code piped to it on standard input, or typed into its REPL before 3.13",
}
"""File names under which CPython may keep no source text, and what such code was. (From 3.13 on,
`python -c` code is kept in linecache as `<string>`, and REPL input as `<python-input-N>` or
`<stdin>-N`.)"""


def no_source_message(where: str, filename: str) -> str:
    """One line: pyfora needs the source of `where`, why there is none, and where a function's source is kept."""
    why = f"Python keeps none for {_NOT_KEPT[filename]}" if filename in _NOT_KEPT \
        else f"linecache has no text for {filename!r}"
    return (f"pyfora needs the source text of {where}, and {why}: define the function in a file, "
            "in a Jupyter/IPython cell, or in the Python 3.13 REPL, which keeps the source of what is typed into it")


def first_line(node: ast.AST) -> int:
    """The line a code object built from `node` reports as co_firstlineno."""
    decorators = getattr(node, "decorator_list", None)
    return decorators[0].lineno if decorators else node.lineno


def _code_span(code: types.CodeType):
    spans = [(l, c, el, ec) for l, el, c, ec in code.co_positions()
             if None not in (l, el, c, ec) and (c, ec) != (0, 0)]
    if not spans:
        return None
    return min((l, c) for l, c, _, _ in spans), max((el, ec) for _, _, el, ec in spans)


def _contains(node: ast.AST, span) -> bool:
    (start, end) = span
    return (node.lineno, node.col_offset) <= start and end <= (node.end_lineno, node.end_col_offset)


def find_node(code: types.CodeType) -> FunctionNode:
    """The def or lambda node of `code` in its file's AST."""
    where = f"{code.co_qualname} ({code.co_filename}:{code.co_firstlineno})"
    try:
        index = _index(code.co_filename)
    except SyntaxError as exc:
        raise CantGetSourceTextError(f"cannot get the source text of {where}: {exc}") from None
    except CantGetSourceTextError:
        raise CantGetSourceTextError(no_source_message(where, code.co_filename)) from None
    if code.co_name == "<lambda>":
        candidates = index.lambdas.get(code.co_firstlineno, [])
        span = _code_span(code)
        if span is not None:
            candidates = [n for n in candidates if _contains(n.body, span)]
        candidates = sorted(candidates, key=lambda n: (n.end_lineno - n.lineno, n.end_col_offset - n.col_offset))
    else:
        candidates = index.defs.get((code.co_name, code.co_firstlineno), [])
    if not candidates:
        if code.co_filename in _NOT_KEPT:   # the text kept there is another one (exec() in `python -c` code)
            raise CantGetSourceTextError(no_source_message(where, code.co_filename))
        raise CantGetSourceTextError(f"cannot find the source text of {where} in its file as it is now; if the file "
                                     "was edited after its module was imported, reload the module (importlib.reload, "
                                     "or restart the interpreter)")
    return candidates[0]


@dataclass(frozen=True)
class SourceText:
    """The text of one def or lambda, placed so that parsing it gives the file's positions."""
    filename: str
    text: str
    line: int
    col: int

    def parse(self) -> FunctionNode:
        """Parse the text back into its def or lambda node, at the file's lines and columns."""
        if self.text.startswith("lambda"):
            prefix = "_=" + " " * (self.col - 3) if self.col >= 3 else ""
            padded = "\n" * (self.line - 1) + prefix + "(" + self.text + ")"
            return ast.parse(padded, self.filename).body[0].value
        if self.col == 0:
            return ast.parse("\n" * (self.line - 1) + self.text, self.filename).body[0]
        padded = "\n" * (self.line - 2) + "if 1:\n" + " " * self.col + self.text
        return ast.parse(padded, self.filename).body[0].body[0]


def source_text(code: types.CodeType) -> SourceText:
    """The text of the def or lambda `code` was compiled from, without decorators."""
    node = find_node(code)
    if isinstance(node, ast.AsyncFunctionDef):
        return SourceText(code.co_filename, "async def", node.lineno, node.col_offset)
    text = _index(code.co_filename).segment(node)
    return SourceText(code.co_filename, text, node.lineno, node.col_offset)
