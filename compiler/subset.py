"""Subset check: refuse, before anything runs, the constructs pyfora does not run.

One visitor over a function's AST. Each refusal names the file, line and
column, the construct, and what to write instead. Purity of mutation is the
ownership pass's concern (compiler/ownership.py); this pass is about syntax
and about names that reach I/O or the interpreter.
"""
import ast

from pyfora.errors import PythonToForaConversionError

from .reach import REFUSED_BUILTINS, attribute_refusal, instead

RESERVED_PREFIX = "_pf_"

_STATEMENT_ADVICE = {
    ast.Global: ("`global` statement", "pass the value in as an argument and return the new value"),
    ast.With: ("`with` statement", "pyfora code does no I/O; pass data in as arguments"),
    ast.AsyncWith: ("`async with` statement", "write synchronous code; pyfora runs it in parallel for you"),
    ast.AsyncFor: ("`async for` loop", "write synchronous code; pyfora runs it in parallel for you"),
    ast.AsyncFunctionDef: ("`async def` function", "write a plain function; pyfora runs it in parallel for you"),
    ast.Await: ("`await` expression", "write synchronous code; pyfora runs it in parallel for you"),
    ast.Import: ("`import` inside a function", "import the module at module level"),
    ast.ImportFrom: ("`import` inside a function", "import the module at module level"),
}


def refuse(filename: str, node: ast.AST, construct: str, advice: str) -> PythonToForaConversionError:
    """The conversion error for `construct` at `node`."""
    return PythonToForaConversionError(
        f"{construct} is not supported by pyfora; {advice}",
        filename=filename, lineno=getattr(node, "lineno", None),
        col=getattr(node, "col_offset", None), construct=construct)


def _global_advice(fn, node: ast.Global) -> str:
    """For `global n` in `def f(x)`: write `def f(n, x):` and return `n`."""
    advice = _STATEMENT_ADVICE[ast.Global][1]
    if not isinstance(fn, ast.FunctionDef):
        return advice
    params = ast.unparse(fn.args)
    names = ", ".join(node.names)
    rewritten = instead(f"def {fn.name}({params}):", f"def {fn.name}({', '.join(filter(None, (names, params)))}):")
    return f"{advice}: {rewritten}, and return `{names}` with the result"


def local_names(fn: ast.FunctionDef | ast.Lambda) -> set[str]:
    """Names bound in `fn`'s own scope (parameters, assignments, defs, loop targets...)."""
    names = {a.arg for a in _all_args(fn.args)}
    for node in _walk_own_scope(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
    return names


def _all_args(args: ast.arguments):
    yield from args.posonlyargs
    yield from args.args
    if args.vararg:
        yield args.vararg
    yield from args.kwonlyargs
    if args.kwarg:
        yield args.kwarg


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
           ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _walk_own_scope(fn):
    """Nodes of `fn`'s own scope: nested scopes' bodies are skipped (their defaults are not)."""
    body = fn.body if isinstance(fn.body, list) else [fn.body]
    stack = list(body)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            stack.extend(node.args.defaults + [d for d in node.args.kw_defaults if d])
            stack.extend(getattr(node, "decorator_list", []))
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            stack.append(node.generators[0].iter)
            stack.extend(_comprehension_walrus_targets(node))
        elif not isinstance(node, ast.ClassDef):
            stack.extend(ast.iter_child_nodes(node))


def _comprehension_walrus_targets(comp):
    """Walrus targets inside a comprehension bind in the enclosing function."""
    for node in ast.walk(comp):
        if isinstance(node, ast.NamedExpr):
            yield node.target


_CLASS_BODY = (ast.Assign, ast.AnnAssign, ast.Expr, ast.Pass, ast.FunctionDef, ast.ClassDef)


class SubsetChecker(ast.NodeVisitor):
    """Refuse what lies outside the subset in one function (nested scopes included)."""

    def __init__(self, filename: str, is_global_name):
        self.filename = filename
        self.is_global_name = is_global_name
        self.scopes: list[set[str]] = []
        self.functions: list[ast.FunctionDef | ast.Lambda] = []

    def check(self, fn: ast.FunctionDef | ast.Lambda):
        self._visit_function(fn)

    def _visit_function(self, fn):
        self.scopes.append(local_names(fn))
        self.functions.append(fn)
        for arg in _all_args(fn.args):
            self._check_identifier(arg.arg, arg)
        for default in fn.args.defaults + [d for d in fn.args.kw_defaults if d]:
            self.visit(default)
        for deco in getattr(fn, "decorator_list", []):
            self.visit(deco)
        for stmt in (fn.body if isinstance(fn.body, list) else [fn.body]):
            self.visit(stmt)
        self.functions.pop()
        self.scopes.pop()

    def _check_identifier(self, name: str, node):
        if name.startswith(RESERVED_PREFIX):
            raise refuse(self.filename, node, f"the name {name!r}",
                         f"names starting with {RESERVED_PREFIX!r} are reserved for pyfora; rename it")

    def visit_Global(self, node):
        raise refuse(self.filename, node, _STATEMENT_ADVICE[ast.Global][0], _global_advice(self.functions[-1], node))

    def generic_visit(self, node):
        kind = _STATEMENT_ADVICE.get(type(node))
        if kind is not None:
            raise refuse(self.filename, node, *kind)
        super().generic_visit(node)

    def visit_FunctionDef(self, node):
        self._check_identifier(node.name, node)
        self._visit_function(node)

    def visit_Lambda(self, node):
        self._visit_function(node)

    def visit_ClassDef(self, node):
        """A class inside a function: its body may assign attributes and define methods (and classes);
        a metaclass or other class keyword is refused."""
        self._check_identifier(node.name, node)
        if node.keywords:
            raise refuse(self.filename, node, f"the class keyword `{node.keywords[0].arg}=`",
                         "pyfora supports plain classes only; write a plain class (and `__init__`)")
        for part in node.bases + node.decorator_list:
            self.visit(part)
        self.scopes.append(set())
        for stmt in node.body:
            if not isinstance(stmt, _CLASS_BODY):
                raise refuse(self.filename, stmt, f"a `{type(stmt).__name__.lower()}` statement in a class body",
                             "a class body may assign attributes and define methods; compute the value in a "
                             "function and assign its result")
            self.visit(stmt)
        self.scopes.pop()

    def _visit_comprehension(self, node):
        self.visit(node.generators[0].iter)
        names = {n.id for g in node.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
        self.scopes.append(names)
        for i, gen in enumerate(node.generators):
            if i:
                self.visit(gen.iter)
            self.visit(gen.target)
            for cond in gen.ifs:
                self.visit(cond)
        for part in ("elt", "key", "value"):
            if hasattr(node, part):
                self.visit(getattr(node, part))
        self.scopes.pop()

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _visit_comprehension

    def visit_Name(self, node):
        self._check_identifier(node.id, node)
        if node.id == "__builtins__" and not any(node.id in scope for scope in self.scopes):
            raise refuse(self.filename, node, "the name `__builtins__`",
                         "it is the interpreter's table of builtins; call the builtins by their names")
        if (isinstance(node.ctx, ast.Load) and node.id in REFUSED_BUILTINS
                and not any(node.id in scope for scope in self.scopes)
                and not self.is_global_name(node.id)):
            raise refuse(self.filename, node, f"calling {node.id}()", REFUSED_BUILTINS[node.id])

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("getattr", "hasattr") and len(node.args) >= 2 \
                and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
            why = attribute_refusal(node.args[1].value)
            if why is not None:
                raise refuse(self.filename, node, f"{func.id}(..., {node.args[1].value!r})", why)
        if isinstance(func, ast.Name) and func.id == "vars" and not node.args and not node.keywords \
                and not any("vars" in scope for scope in self.scopes) and not self.is_global_name("vars"):
            raise refuse(self.filename, node, "calling vars() without an argument",
                         "pass the values you need as arguments")
        self.generic_visit(node)

    def visit_Attribute(self, node):
        if node.attr.startswith(RESERVED_PREFIX):
            self._check_identifier(node.attr, node)
        why = attribute_refusal(node.attr)
        if why is not None:
            raise refuse(self.filename, node, f"the attribute `{node.attr}`", why)
        self.generic_visit(node)


def check_function(fn: ast.FunctionDef | ast.Lambda, filename: str, is_global_name) -> None:
    """Raise PythonToForaConversionError at the first construct outside the subset."""
    if isinstance(fn, ast.AsyncFunctionDef):
        raise refuse(filename, fn, *_STATEMENT_ADVICE[ast.AsyncFunctionDef])
    SubsetChecker(filename, is_global_name).check(fn)
