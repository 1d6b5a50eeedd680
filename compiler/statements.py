"""Number the statements of a statement-form function and build its two tables.

Each statement gets an id, and that id becomes its line number in the compiled
code: a frame's `f_lineno` is then its statement id, line events fire once per
statement, and the *source map* (id -> user file, line, column) translates
back for tracebacks. An instruction's column is free for another use: it holds
how far below the statement's first line its expression is. The *fork table* lists, for each call statement, the later
call statements of the same block that do not depend on it, with the locals
their operands need: what the scheduler forks while the first call runs.
"""
import ast
import enum
from dataclasses import dataclass, field

from .astutil import DRAW_METHODS, GENEXPR, LAMBDA, LIBRARY_MUTATORS, MUTATING_METHODS



class Kind(enum.Enum):
    CALL = "call"
    ASSIGN = "assign"
    RETURN = "return"
    IF = "if"
    WHILE = "while"
    FOR = "for"
    TRY = "try"
    HANDLER = "except"
    MATCH = "match"
    DEF = "def"
    RAISE = "raise"
    OTHER = "other"


_KINDS = {ast.If: Kind.IF, ast.While: Kind.WHILE, ast.For: Kind.FOR, ast.Try: Kind.TRY,
          ast.TryStar: Kind.TRY, ast.Match: Kind.MATCH, ast.FunctionDef: Kind.DEF,
          ast.Return: Kind.RETURN, ast.Raise: Kind.RAISE, ast.Assign: Kind.ASSIGN,
          ast.AugAssign: Kind.ASSIGN, ast.ExceptHandler: Kind.HANDLER}


@dataclass(frozen=True)
class Statement:
    """One statement: its id (= line in the compiled code) and where the user wrote it."""
    id: int
    kind: Kind
    line: int
    col: int
    function: str
    reads: frozenset
    writes: frozenset
    text: str
    scope: tuple = ()   # inlined comprehensions around it, outermost first: (("<listcomp>", line), ...)


@dataclass(frozen=True)
class ForkCandidate:
    """A later call statement that may run while `after` runs, given the locals `operands`."""
    statement: int
    operands: frozenset


@dataclass
class Tables:
    """The source map and the fork table of one compiled unit."""
    filename: str
    statements: dict = field(default_factory=dict)
    forks: dict = field(default_factory=dict)

    def position(self, stmt_id: int):
        """(user file, line, function name) of a statement id, or None."""
        s = self.statements.get(stmt_id)
        return None if s is None else (self.filename, s.line, s.function)


def display_name(name: str) -> str:
    """The name Python shows for a function the rewrite introduced."""
    if name.startswith(LAMBDA):
        return "<lambda>"
    if name.startswith(GENEXPR):
        return "<genexpr>"
    return name


COMPREHENSIONS = ("<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>")


def nested_qualname(outer_qualname: str, outer_name: str, name: str) -> str:
    """The qualname CPython gives a function defined inside `outer` (no `<locals>` after a comprehension)."""
    if display_name(outer_name) in COMPREHENSIONS:
        return f"{outer_qualname}.{name}"
    return f"{outer_qualname}.<locals>.{name}"


def is_call(s: ast.stmt) -> bool:
    """A call statement: `x = f(...)`, `f(...)` or `return f(...)`, the call's operands all atoms."""
    return isinstance(s, (ast.Assign, ast.Expr, ast.Return)) and isinstance(s.value, ast.Call) \
        and not getattr(s.value, "pf_atomic", False)


def own_expressions(s: ast.AST):
    """The expression nodes that belong to statement `s` itself, not to its nested blocks."""
    for name, value in ast.iter_fields(s):
        if name in ("body", "orelse", "finalbody", "handlers", "cases"):
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, ast.AST):
                yield from ast.walk(item)


def _reads_writes(s: ast.AST):
    reads, writes = set(), set()
    for n in own_expressions(s):
        if isinstance(n, ast.Name):
            (reads if isinstance(n.ctx, ast.Load) else writes).add(n.id)
        elif isinstance(n, ast.Subscript) and isinstance(n.ctx, (ast.Store, ast.Del)) \
                and isinstance(n.value, ast.Name):
            writes.add(n.value.id)
        elif isinstance(n, ast.Call):
            writes.update(_mutated_names(n))
    if isinstance(s, ast.FunctionDef):
        writes.add(s.name)
    if isinstance(s, ast.AugAssign) and isinstance(s.target, ast.Name):
        reads.add(s.target.id)
    if isinstance(s, ast.ExceptHandler) and s.name:
        writes.add(s.name)
    return frozenset(reads), frozenset(writes)


def _mutated_names(call: ast.Call) -> set:
    """The names a call mutates: `a.append(x)`'s receiver, `rng.random()`'s generator, `heappush(h, x)`'s
    list, `rng.shuffle(a)`'s generator and list."""
    func, names = call.func, set()
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if isinstance(func, ast.Attribute) and name in MUTATING_METHODS | DRAW_METHODS \
            and isinstance(func.value, ast.Name):
        names.add(func.value.id)
    if name in LIBRARY_MUTATORS | {"shuffle"} and call.args and isinstance(call.args[0], ast.Name):
        names.add(call.args[0].id)
    return names


def _header(s: ast.AST) -> str:
    if isinstance(s, ast.If):
        return f"if {ast.unparse(s.test)}:"
    if isinstance(s, ast.While):
        return f"while {ast.unparse(s.test)}:"
    if isinstance(s, ast.For):
        return f"for {ast.unparse(s.target)} in {ast.unparse(s.iter)}:"
    if isinstance(s, (ast.Try, ast.TryStar)):
        return "try:"
    if isinstance(s, ast.ExceptHandler):
        return "except" + (f" {ast.unparse(s.type)}" if s.type else "") + (f" as {s.name}" if s.name else "") + ":"
    if isinstance(s, ast.Match):
        return f"match {ast.unparse(s.subject)}:"
    if isinstance(s, ast.FunctionDef):
        return f"def {s.name}({ast.unparse(s.args)}):"
    return ast.unparse(s)


class Numberer:
    """Give statements ids in pre-order, set those ids as line numbers, and fill the tables."""

    def __init__(self, tables: Tables, first_id: int):
        self.tables = tables
        self.next_id = first_id
        self.top = ""
        self.functions: list[str] = []
        self.classes: list[bool] = []    # for each of `functions`: whether it is a class body

    def function(self, fn: ast.FunctionDef, qualname: str) -> int:
        self.top = qualname
        return self.statement(fn)

    def block(self, stmts: list) -> int:
        last = self.next_id - 1
        for s in stmts:
            last = self.statement(s)
        self._forks(stmts)
        return last

    def statement(self, s: ast.AST) -> int:
        sid = self.next_id
        self.next_id += 1
        reads, writes = _reads_writes(s)
        kind = Kind.CALL if is_call(s) else _KINDS.get(type(s), Kind.OTHER)
        self.tables.statements[sid] = Statement(
            sid, kind, getattr(s, "lineno", 0), getattr(s, "col_offset", 0),
            self.functions[-1] if self.functions else self.top, reads, writes, _header(s),
            getattr(s, "pf_scope", ()))
        own = list(own_expressions(s))
        for case in getattr(s, "cases", None) or []:
            own.extend(ast.walk(case.pattern))
            if case.guard is not None:
                own.extend(ast.walk(case.guard))
        user_line = getattr(s, "lineno", 0)
        for n in own:
            if hasattr(n, "lineno"):
                # The column carries how many lines below the statement's first the expression is,
                # so a traceback can name the continuation line CPython would (tracebacks.py).
                line = n.lineno
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
                    line = n.func.end_lineno   # CPython places a method call at the method's name
                delta = max(0, line - user_line)
                n.lineno = n.end_lineno = sid
                n.col_offset = n.end_col_offset = delta
        last = sid
        if isinstance(s, (ast.FunctionDef, ast.ClassDef)):
            self.functions.append(self._qualname(s))
            self.classes.append(isinstance(s, ast.ClassDef))
        for name in ("body", "handlers", "orelse", "finalbody"):
            part = getattr(s, name, None)
            if part:
                last = self.block(part)
        for case in getattr(s, "cases", None) or []:
            if case.body:
                last = self.block(case.body)
        if isinstance(s, (ast.FunctionDef, ast.ClassDef)):
            self.functions.pop()
            self.classes.pop()
        s.lineno, s.end_lineno, s.col_offset, s.end_col_offset = sid, last, 0, 0
        return last

    def _qualname(self, s) -> str:
        """The qualname CPython gives the def or class `s` (a method's has no `<locals>`)."""
        if not self.functions:
            return self.top
        outer = self.functions[-1]
        if self.classes[-1]:
            return f"{outer}.{display_name(s.name)}"
        return nested_qualname(outer, outer.rsplit(".", 1)[-1], display_name(s.name))

    def _forks(self, stmts: list):
        ids = [s.lineno for s in stmts]
        table = self.tables.statements
        for i, s in enumerate(stmts):
            if not is_call(s):
                continue
            depends = set(table[ids[i]].writes)
            written = set()
            found = []
            for later, sid in zip(stmts[i + 1:], ids[i + 1:]):
                if not isinstance(later, (ast.Assign, ast.Expr, ast.AugAssign, ast.Return)):
                    break
                info = table[sid]
                if info.reads & depends:
                    depends |= info.writes
                elif is_call(later) and not info.reads & written:
                    found.append(ForkCandidate(sid, info.reads))
                written |= info.writes
            if found:
                self.tables.forks[ids[i]] = tuple(found)


def number_statements(fn: ast.FunctionDef, qualname: str, filename: str, first_id: int = 2):
    """Number `fn` (already in statement form) in place; return its tables and the last id."""
    tables = Tables(filename)
    last = Numberer(tables, first_id).function(fn, qualname)
    return tables, last


def format_ir(fn: ast.FunctionDef, tables: Tables) -> str:
    """The statement form with ids and user lines, then the fork table, as text."""
    lines = []

    def walk(stmts, depth):
        for s in stmts:
            info = tables.statements.get(s.lineno)
            if info is None:   # generated by tier 0 (the cell holder): no statement of the user's
                lines.append(f"{'':5}  {'    ' * depth}{ast.unparse(s):<60}  # generated")
                continue
            lines.append(f"{s.lineno:5d}  {'    ' * depth}{info.text.splitlines()[0]:<60}  "
                         f"# line {info.line}")
            for name in ("body", "handlers", "orelse", "finalbody"):
                part = getattr(s, name, None)
                if part:
                    walk(part, depth + 1)
            for case in getattr(s, "cases", None) or []:
                walk(case.body, depth + 1)

    walk([fn], 0)
    lines.append("fork table:")
    for sid, cands in sorted(tables.forks.items()):
        for c in cands:
            lines.append(f"  while {sid} runs: fork {c.statement} with {sorted(c.operands)}")
    if not tables.forks:
        lines.append("  (none)")
    return "\n".join(lines)
