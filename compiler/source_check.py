"""Check that the source text found for a function is the text its code was compiled from.

pyfora compiles a function from its source text (compiler/source.py reads the
file through linecache), not from its code object. A module edited on disk
after it was imported still runs its old code in CPython, while its file
holds the new text: running that text would give another answer than the
caller's own call. So before a definition goes into a program image, its text
is compiled again the way CPython compiled it (in a class body for a method,
whose private names are mangled; inside a function whose parameters are the
free variables for a nested def, so that they compile as closures; with the
code's `from __future__` flags) and the result is compared with the code
object, instruction for instruction, constant for constant, nested code
included. Positions are left out of the comparison: the text excludes the
decorators, so only first lines may differ. A function whose text changed
is refused, with the advice to reload its module.
"""
import __future__
import ast
import functools
import types

from pyfora.errors import CantGetSourceTextError

from .source import SourceText, module_imports

_CO_NESTED = 0x10
_FUTURE_FLAGS = functools.reduce(lambda flags, name: flags | getattr(__future__, name).compiler_flag,
                                 __future__.all_feature_names, 0)
_MAKER = "_pf_loaded_maker"
_COMPARED = ("co_code", "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_flags", "co_names",
             "co_varnames", "co_freevars", "co_cellvars", "co_exceptiontable", "co_name")


def check_unchanged(code: types.CodeType, text: SourceText, mangle: str | None) -> None:
    """Raise CantGetSourceTextError if `text` does not compile to `code` (its file changed since)."""
    try:
        again = _compile_again(code, text, mangle)
    except SyntaxError:
        again = None
    if again is None or not _same_code(code, again):
        raise CantGetSourceTextError(
            f"the source of {code.co_qualname} in {text.filename} (line {text.line}) is not the code Python "
            "runs for it: the file was edited after its module was imported. Reload the module "
            "(importlib.reload, or restart the interpreter) so that pyfora runs what Python runs")


def _compile_again(code: types.CodeType, text: SourceText, mangle: str | None) -> types.CodeType | None:
    node = text.parse()
    last = node.end_lineno
    span = {"lineno": 1, "col_offset": 0, "end_lineno": last, "end_col_offset": 0}   # of each wrapper
    if isinstance(node, ast.Lambda):
        node = ast.Assign(targets=[ast.Name(id="_", ctx=ast.Store())], value=node, lineno=node.lineno,
                          col_offset=0, end_lineno=last, end_col_offset=node.end_col_offset)
    body = [node]
    if mangle is not None:
        # A class body of the same name mangles `__x` as the original's did, and gives a method that
        # uses `super()` its `__class__` cell.
        body = [ast.ClassDef(name=mangle, bases=[], keywords=[], body=body, decorator_list=[], **span)]
    if code.co_flags & _CO_NESTED:
        params = [ast.arg(arg=name) for name in code.co_freevars if name != "__class__"]
        args = ast.arguments(posonlyargs=[], args=params, vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None,
                             defaults=[])
        body = [ast.FunctionDef(name=_MAKER, args=args, body=body + _uses(params, last), decorator_list=[],
                                returns=None, type_comment=None, **span)]
    # The module's own imports, never run: whether a name was bound by an import decides how CPython
    # compiles a method call on it (LOAD_METHOD or LOAD_ATTR).
    imports = [ast.Import(names=[ast.alias(name=name)], **span) for name in sorted(module_imports(text.filename))]
    module = ast.fix_missing_locations(ast.Module(body=imports + body, type_ignores=[]))
    compiled = compile(module, text.filename, "exec", flags=code.co_flags & _FUTURE_FLAGS, dont_inherit=True)
    return _find(compiled, code.co_name, text.line)


def _uses(params: list, line: int) -> list:
    """`return (a, b, ...)`: a free variable that the def only assigns through `nonlocal` is still a
    cell of the maker."""
    if not params:
        return []
    names = [ast.Name(id=p.arg, ctx=ast.Load()) for p in params]
    return [ast.Return(value=ast.Tuple(elts=names, ctx=ast.Load()), lineno=line, col_offset=0, end_lineno=line,
                       end_col_offset=0)]


def _find(code: types.CodeType, name: str, line: int) -> types.CodeType | None:
    """The outermost code object in `code` named `name` that starts at `line` (breadth first)."""
    level = [code]
    while level:
        for c in level:
            if c.co_name == name and c.co_firstlineno == line:
                return c
        level = [k for c in level for k in c.co_consts if isinstance(k, types.CodeType)]
    return None


def _same_code(a: types.CodeType, b: types.CodeType) -> bool:
    if any(getattr(a, field) != getattr(b, field) for field in _COMPARED):
        return False
    return len(a.co_consts) == len(b.co_consts) and all(map(_same_constant, a.co_consts, b.co_consts))


def _same_constant(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, types.CodeType):
        return _same_code(a, b)
    if isinstance(a, (tuple, frozenset)):
        return len(a) == len(b) and all(map(_same_constant, sorted(a, key=repr), sorted(b, key=repr))
                                        if isinstance(a, frozenset) else map(_same_constant, a, b))
    if isinstance(a, (float, complex)):
        return repr(a) == repr(b)     # NaN, and 0.0 against -0.0
    return a == b
