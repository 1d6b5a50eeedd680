"""Tier 0: compile a code definition, in statement form, to an ordinary CPython function.

The statement form is wrapped in a maker function whose parameters are the
original free variables, so closures compile as closures; the maker's inner
code object is the template every function object of this definition shares.
Line numbers in the compiled code are statement ids (compiler/statements.py).
"""
import ast
import inspect
import types
from dataclasses import dataclass

from .program import CodeDef
from .statements import Tables, display_name, format_ir, nested_qualname, number_statements

MAKER = "_pf_maker"
CELLS = "_pf_cells"
"""The local that holds a frame's own cells: `lambda: (a, b, ...)` over them (vm/frames.py reads it)."""
SYNTHETIC_LINE = 1
"""The line of generated statements that are none of the user's (the maker's own line)."""
TOP = "_pf_top"
"""The compiled def's name inside the maker: were it the user's name, a recursive call would
read the maker's (never filled) local instead of the global."""


@dataclass
class CompiledUnit:
    """A compiled code definition: the template code object and its tables."""
    code_def: CodeDef
    code: types.CodeType
    tables: Tables
    ir: ast.FunctionDef

    def format_ir(self) -> str:
        return format_ir(self.ir, self.tables)


def unit_filename(code_id: str) -> str:
    """The co_filename of compiled code: how a frame names its unit."""
    return f"<pyfora {code_id}>"


class _Mangler(ast.NodeTransformer):
    """Private name mangling (`__x` -> `_Cls__x`), which compiling outside the class body loses."""

    def __init__(self, cls: str):
        self.prefix = "_" + cls.lstrip("_")

    def mangle(self, name):
        if name and name.startswith("__") and not name.endswith("__") and "." not in name:
            return self.prefix + name
        return name

    def generic_visit(self, node):
        for attr in ("id", "attr", "arg", "name"):
            value = getattr(node, attr, None)
            if isinstance(value, str):
                setattr(node, attr, self.mangle(value))
        return super().generic_visit(node)


def mangle_class(qualname: str) -> str | None:
    """The class whose name mangles identifiers in the function `qualname`, if any."""
    parts = qualname.split(".")
    owner = None
    for i, part in enumerate(parts[:-1]):
        if part != "<locals>" and parts[i + 1] != "<locals>":
            owner = part
    return owner


def _rename_codes(code: types.CodeType, qualname: str) -> types.CodeType:
    """Give generated functions Python's names (`<lambda>`, `<genexpr>`) and the user's qualnames."""
    consts = []
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            c = _rename_codes(c, inner_qualname(code, qualname, display_name(c.co_name)))
        elif is_class_body(code) and c == code.co_qualname:
            c = qualname     # the `__qualname__` the class body sets
        consts.append(c)
    name = display_name(code.co_name)
    return code.replace(co_consts=tuple(consts), co_name=name, co_qualname=qualname)


def is_class_body(code: types.CodeType) -> bool:
    """Whether `code` is the body of a class statement (which is not an optimized function scope)."""
    return not code.co_flags & inspect.CO_OPTIMIZED


def inner_qualname(code: types.CodeType, qualname: str, name: str) -> str:
    """The qualname CPython gives `name` defined in `code` (whose qualname is `qualname`)."""
    return f"{qualname}.{name}" if is_class_body(code) else nested_qualname(qualname, code.co_name, name)


def parse_code_def(code_def: CodeDef):
    from .source import SourceText
    return SourceText(code_def.filename, code_def.text, code_def.line, code_def.col).parse()


def compile_code_def(code_def: CodeDef, annotate=None) -> CompiledUnit:
    """Parse, rewrite to statement form, drop the mutation checks an earlier one made, number and compile
    one code definition.

    `annotate(node)` may mark nodes before the rewrite (the ownership pass).
    """
    from .anf import to_statement_form   # imported here: a process that loads units from the cache never rewrites
    from .mutation_checks import drop_repeated_checks
    from .routing import route_builtins
    from .set_displays import keep_set_orders
    node = parse_code_def(code_def)
    if code_def.mangle:
        node = _Mangler(code_def.mangle).visit(node)
    if annotate is not None:
        annotate(node)
    route_builtins(node, code_def.shadowed, code_def.freevars, code_def.constructed)
    fn = keep_set_orders(drop_repeated_checks(to_statement_form(node)))
    filename = unit_filename(code_def.id)
    tables, last = number_statements(fn, code_def.qualname, code_def.filename)
    fn.name = TOP
    args = ast.arguments(posonlyargs=[], args=[ast.arg(arg=v) for v in code_def.freevars], vararg=None,
                         kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
    ret = ast.Return(value=ast.Name(id=fn.name, ctx=ast.Load()), lineno=last + 1, end_lineno=last + 1,
                     col_offset=0, end_col_offset=0)
    maker = ast.FunctionDef(name=MAKER, args=args, body=[fn, ret], decorator_list=[], returns=None,
                            type_comment=None, lineno=1, end_lineno=last + 1, col_offset=0, end_col_offset=0)
    module = ast.Module(body=[maker], type_ignores=[])
    ast.fix_missing_locations(module)
    inner = _compile_inner(module, filename, fn.name)
    if add_cell_holders(fn, inner):
        inner = _compile_inner(module, filename, fn.name)
    inner = inner.replace(co_name=code_def.qualname.rsplit(".", 1)[-1])
    return CompiledUnit(code_def, _rename_codes(inner, code_def.qualname), tables, fn)


def _compile_inner(module: ast.Module, filename: str, name: str) -> types.CodeType:
    module_code = compile(module, filename, "exec", dont_inherit=True)
    maker_code = next(c for c in module_code.co_consts if isinstance(c, types.CodeType))
    return next(c for c in maker_code.co_consts if isinstance(c, types.CodeType) and c.co_name == name)


def add_cell_holders(fn: ast.FunctionDef, code: types.CodeType) -> bool:
    """Give each def of `fn` that has cell variables of its own (as `code`, `fn` compiled, shows) the
    first statement `_pf_cells = lambda: (a, b, ...)` over them, so a capture finds the frame's cell
    objects in its locals (vm/frames.py); whether any def needed one. Which names are cells only the
    compiler knows for sure (comprehensions are scopes of their own before 3.12 and inlined after),
    hence the compiled code is asked; the statement ids are the code objects' first lines. Free
    variables need no holder: their cells are the closure of the function object, which a capture
    finds through the caller; so a closure called in a loop pays nothing, and only a call that makes
    cells (and, mostly, a closure over them) pays for one more small function."""
    wanted = {c.co_firstlineno: sorted(c.co_cellvars) for c in _codes(code) if c.co_cellvars}
    changed = False
    for node in ast.walk(fn):
        if isinstance(node, ast.FunctionDef) and node.lineno in wanted:
            node.body.insert(0, cell_holder(wanted[node.lineno]))
            changed = True
    return changed


def cell_holder(names) -> ast.stmt:
    """`_pf_cells = lambda: (a, b, ...)`, on the synthetic line (it is no statement of the user's)."""
    load = [ast.Name(id=n, ctx=ast.Load()) for n in names]
    body = ast.Tuple(elts=load, ctx=ast.Load())
    holder = ast.Lambda(args=ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[],
                                           kwarg=None, defaults=[]), body=body)
    return synthetic(ast.Assign(targets=[ast.Name(id=CELLS, ctx=ast.Store())], value=holder))


def synthetic(node: ast.AST) -> ast.AST:
    """Put `node` and everything in it on the synthetic line."""
    for n in ast.walk(node):
        if "lineno" in n._attributes:
            n.lineno = n.end_lineno = SYNTHETIC_LINE
            n.col_offset = n.end_col_offset = 0
    return node


def _codes(code: types.CodeType):
    yield code
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            yield from _codes(c)
