"""What pyfora code may reach through attributes: allowlists, not lists of what is forbidden.

Attribute access is how checked code would leave the subset: `print.__self__`
is the `builtins` module and its `open`, `f.__globals__` and a traceback's
frames hold whole modules, `().__class__.__base__.__subclasses__()` lists every
class in the process. So:

- a dunder attribute is reachable only when the data model needs it
  (`ALLOWED_DUNDERS`), checked at the line where the name is written, and
  where it is not (`getattr`, `operator.attrgetter`, `str.format`'s fields) when
  it runs (vm/guards.py);
- an allowed module shows pyfora code its public functions and constants
  only, and only its own allowed submodules (vm/guards.py's module views), so
  `functools.sys` or `np.ctypeslib` lead nowhere;
- the interpreter's own objects (frames, tracebacks, code, a generator's
  frame) show nothing (`INTERNAL_ATTRIBUTES`);
- builtins that reach I/O or the interpreter (`eval`, `open`...), and the
  impure public names of allowed modules (numpy's file I/O, `random.random`,
  `json.load`, the decimal context: `IMPURE_NAMES`, `PURE_ONLY`) are refused
  however they are reached (`object_refusal`, `impurity`).

These checks keep computations pure, so that forking, re-running and caching
stay correct. They are not a sandbox (README).
"""
import builtins
import random
import sys
import types

ALLOWED_DUNDERS = frozenset({
    # objects and classes
    "__class__", "__name__", "__qualname__", "__doc__", "__module__", "__dict__", "__slots__",
    "__bases__", "__base__", "__mro__", "__annotations__", "__match_args__", "__wrapped__",
    "__dataclass_fields__", "__dataclass_params__", "__cause__", "__context__", "__suppress_context__",
    "__notes__", "__defaults__", "__kwdefaults__", "__closure__", "__self__", "__traceback__", "__func__",
    # construction and representation
    "__init__", "__new__", "__post_init__", "__init_subclass__", "__set_name__", "__class_getitem__",
    "__repr__", "__str__", "__format__", "__hash__", "__bool__", "__sizeof__",
    "__copy__", "__deepcopy__",
    # comparison
    "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
    # containers and iteration
    "__len__", "__length_hint__", "__iter__", "__next__", "__reversed__", "__contains__",
    "__getitem__", "__setitem__", "__delitem__", "__missing__", "__call__",
    "__getattr__", "__setattr__", "__delattr__", "__enter__", "__exit__",
    # numbers
    "__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__floordiv__", "__mod__", "__divmod__",
    "__pow__", "__lshift__", "__rshift__", "__and__", "__xor__", "__or__",
    "__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rfloordiv__", "__rmod__",
    "__rdivmod__", "__rpow__", "__rlshift__", "__rrshift__", "__rand__", "__rxor__", "__ror__",
    "__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__ifloordiv__", "__imod__",
    "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ixor__", "__ior__",
    "__neg__", "__pos__", "__abs__", "__invert__", "__complex__", "__int__", "__float__", "__index__",
    "__round__", "__trunc__", "__floor__", "__ceil__",
})
"""Dunder attributes pyfora code may name: the data model's methods and the plain facts of classes.
`__self__` is checked where it runs: a builtin function's is its module. Left out, so refused: what
leads to modules or code (`__globals__`, `__builtins__`, `__code__`, `__loader__`, `__spec__`, `__file__`), to every class (`__subclasses__`), and past the attribute
checks (`__getattribute__`, `__get__`, `__reduce__`, `__reduce_ex__`)."""

INTERNAL_ATTRIBUTES = frozenset({
    "gi_code", "cr_code", "ag_code",
    "f_back", "f_globals", "f_locals", "f_builtins", "f_code", "f_trace", "f_lasti", "f_lineno",
    "f_trace_lines", "f_trace_opcodes",
})
"""A frame's insides (its globals are whole modules, its builtins the interpreter's) and a generator's
code. A traceback's or a generator's frame may be held (`tb_frame`, `gi_frame`), not looked into.
Refused wherever they are written."""

FILE_METHODS = frozenset({"tofile", "dump"})
"""numpy arrays' methods that write a file."""


def file_method_refusal(name: str) -> str:
    """Why pyfora code may not call `ndarray.name`, one of `FILE_METHODS`, and what to write instead."""
    return (f"`ndarray.{name}` writes a file: pyfora code does no I/O; return the array (or `a.tobytes()`) "
            "and write the file outside")

REFUSED_BUILTINS = {
    "open": "pass the file's contents in as an argument instead",
    "input": "pass the data in as an argument instead",
    "eval": "write the expression as code",
    "exec": "write the statements as code",
    "compile": "write the code directly",
    "__import__": "import the module at module level",
    "globals": "pass the values you need as arguments",
    "locals": "pass the values you need as arguments",
    "breakpoint": "debug with pyfora.connect(workers=0), which runs in this process",
    "exit": "return a value or raise an exception",
    "quit": "return a value or raise an exception",
    "help": "call help() outside pyfora",
    "id": "object identity differs between processes; compare with `is` instead",
    "setattr": "build a new object instead of setting attributes on an existing one",
    "delattr": "build a new object instead of deleting attributes",
    "memoryview": "use bytes or a numpy array",
}
"""Builtins pyfora code cannot use, and what to write instead."""

SUPPORTED_MODULES = ("math", "cmath", "operator", "functools", "itertools", "collections", "re", "json",
                     "statistics", "heapq", "bisect", "fractions", "decimal", "copy", "string", "textwrap",
                     "dataclasses", "enum", "typing", "random", "numpy")
"""The library modules pyfora code may use: their code runs as it is, in the worker (not rewritten)."""

SUPPORTED_TEXT = ", ".join(SUPPORTED_MODULES[:-1]) + " and " + SUPPORTED_MODULES[-1]
"""The supported modules, as refusals list them."""

ALLOWED_MODULES = frozenset(SUPPORTED_MODULES) | {"_operator", "_functools", "builtins", "copyreg", "_heapq",
                                                  "_bisect", "_random", "_json", "_sre", "_string",
                                                  "_statistics", "_decimal"}
"""Top-level modules whose functions and classes pyfora code may use by reference: the supported ones
and the C modules that implement them (`heapq.heappush.__module__` is `_heapq`)."""

REFUSED_SUBMODULES = ("numpy.random.mtrand", "numpy.lib.npyio", "numpy.lib.format", "numpy.ctypeslib",
                      "numpy.testing", "numpy.f2py", "numpy.distutils", "json.tool")
"""Submodules of allowed modules that are not pure: the legacy shared random state, file I/O, native
code, test helpers, a command line tool."""

_COMPUTE_OUTSIDE = "compute the values outside and pass them in"
_SETTING = ("a setting of the process", _COMPUTE_OUTSIDE)
_IO = ("I/O", _COMPUTE_OUTSIDE)
_CONTEXT = ("the decimal context, a setting of the process",
            "Decimal arithmetic runs in the client's context at submit; use Decimal values and their methods")
IMPURE_NAMES = {
    "numpy": {"seterr": _SETTING, "seterrcall": _SETTING, "setbufsize": _SETTING,
              "set_printoptions": (_SETTING[0], "format the array with `np.array2string(a, precision=...)`"),
              "load": _IO, "save": _IO, "savez": _IO, "savez_compressed": _IO, "loadtxt": _IO, "savetxt": _IO,
              "genfromtxt": _IO, "fromfile": _IO, "fromregex": _IO, "memmap": _IO, "DataSource": _IO,
              "ctypeslib": ("native code", _COMPUTE_OUTSIDE), "testing": ("a test helper", _COMPUTE_OUTSIDE),
              "f2py": ("native code", _COMPUTE_OUTSIDE), "distutils": ("a build tool", _COMPUTE_OUTSIDE),
              "show_config": _IO, "info": _IO},
    "json": {"load": ("I/O (it reads a file)", "read the file outside and pass its text in for `json.loads`"),
             "dump": ("I/O (it writes a file)", "return `json.dumps(value)` instead")},
    "string": {"Formatter": ("a formatter whose fields reach any attribute (`{0.__globals__}`)",
                             "use `template.format(...)`, whose fields pyfora checks")},
    "decimal": dict.fromkeys(("getcontext", "setcontext", "localcontext", "Context", "DefaultContext",
                              "BasicContext", "ExtendedContext"), _CONTEXT),
    "dataclasses": {"make_dataclass": ("a maker of classes", "define the class with `@dataclass`")},
    "copy": {"dispatch_table": ("a table of the process (copyreg's)", "use `copy.copy` and `copy.deepcopy`")},
}
"""Public names of allowed modules that are not pure functions of their arguments: (what they are, what
to write instead)."""

PURE_ONLY = {
    "random": (frozenset({"Random", "BPF", "LOG4", "NV_MAGICCONST", "RECIP_BPF", "SG_MAGICCONST", "TWOPI"}),
               ("a draw from the generator the process shares, which gives other numbers at every run",
                "make a seeded generator in the function, `rng = random.Random(seed)`, and draw from it "
                "(`rng.random()`, `rng.randint(a, b)`...)")),
    "numpy.random": (frozenset({"default_rng", "Generator", "BitGenerator", "PCG64", "PCG64DXSM", "Philox",
                                "SFC64", "MT19937", "SeedSequence", "bit_generator"}),
                     ("a draw from numpy's legacy generator, which the process shares and which gives other "
                      "numbers at every run",
                      "make a seeded generator in the function, `rng = np.random.default_rng(seed)`, and draw "
                      "from it (`rng.random()`, `rng.integers(a, b)`...)")),
}
"""Modules of random numbers: the names allowed (the seeded generators' classes, constants), and why the
others are refused."""


def instead(written: str, write: str) -> str:
    """Advice that shows a mechanical rewrite: the code the user wrote, and what to write in its place."""
    return f"write `{write}` instead of `{written}`"


_SEEDED_DRAW = "make a seeded generator in the function, `rng = random.Random(seed)`, and draw from it: "
_STATE_METHODS = frozenset({"seed", "getstate", "setstate"})


def impurity(module: str, name: str) -> str | None:
    """Why pyfora code may not use `name`, a public name of the allowed module `module`, or None."""
    entry = IMPURE_NAMES.get(module, {}).get(name)
    allowed, refused = PURE_ONLY.get(module, (None, None))
    if entry is None and allowed is not None and name not in allowed:
        entry = refused
    if entry is None:
        return None
    what, advice = entry
    if module == "random" and name not in _STATE_METHODS and callable(getattr(random.Random, name, None)):
        advice = _SEEDED_DRAW + instead(f"random.{name}(...)", f"rng.{name}(...)")
    return f"`{module}.{name}` is {what}, not a pure function of its arguments; {advice}"


def is_allowed_library(module: str | None) -> bool:
    """Whether functions of `module` may be called from pyfora code (by reference)."""
    if module is None or module.startswith(REFUSED_SUBMODULES):
        return False
    return module.split(".")[0] in ALLOWED_MODULES


def is_dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


STATICALLY_REFUSED_DUNDERS = frozenset({"__globals__", "__builtins__", "__code__", "__subclasses__", "__loader__",
                                        "__spec__", "__file__", "__path__", "__cached__", "__objclass__",
                                        "__import__"})
"""Dunders that lead to modules, code or every class on any object: refused where they are written."""


def attribute_refusal(name: str) -> str | None:
    """Why pyfora code may not name the attribute `name` on any object, or None if it may (or if only
    the object can tell: `user_defined_dunder`)."""
    if name in STATICALLY_REFUSED_DUNDERS:
        return "it reaches the interpreter's insides (modules, code, every class), outside the subset"
    if name in INTERNAL_ATTRIBUTES:
        return "it reaches a frame's insides or code, which hold whole modules, outside the subset"
    return None


def needs_owner_check(name: str) -> bool:
    """Whether `name` is a dunder outside the allowlist: allowed only where a user class defines it."""
    return is_dunder(name) and name not in ALLOWED_DUNDERS


def defined_by_user_class(obj, name: str) -> bool:
    """Whether `name` is in the namespace of a user class along `obj`'s MRO (of `obj` itself, for a
    class), or of the instance: a user's own dunder (`__m__`, `__reduce__`), not the interpreter's."""
    cls = obj if isinstance(obj, type) else type(obj)
    if not isinstance(obj, type) and name in getattr(obj, "__dict__", ()):
        return True
    return any(name in vars(c) for c in cls.__mro__
               if c.__module__ != "builtins" and not is_allowed_library(c.__module__))


def object_refusal(obj) -> str | None:
    """Why `obj`, a builtin or an allowed module's impure value however it was reached, may not be used,
    or None."""
    entry = _refused_objects().get(id(obj))
    return entry[1] if entry is not None and entry[0] is obj else None


_REFUSED: dict = {}
"""id -> (object, why), kept alive here so that an id cannot be reused."""
_UNSEEN = [*IMPURE_NAMES, *PURE_ONLY]
"""The modules with impure names whose values are not registered yet (the module is not imported yet)."""
_MODULES_LOADED = [0]
"""How many modules were loaded when `_UNSEEN` was last looked at: only an import can shorten it."""


def _refused_objects() -> dict:
    """The refused builtins, and each allowed module's impure values once that module is imported."""
    if not _REFUSED:
        for name, advice in REFUSED_BUILTINS.items():
            value = getattr(builtins, name, None)
            if value is not None:
                _REFUSED[id(value)] = (value, f"`{name}` is not supported by pyfora; {advice}")
    if _UNSEEN and len(sys.modules) != _MODULES_LOADED[0]:
        _MODULES_LOADED[0] = len(sys.modules)
        for module in [m for m in _UNSEEN if m in sys.modules]:
            _UNSEEN.remove(module)
            _register_impure(module, sys.modules[module])
    return _REFUSED


def _register_impure(name: str, module: types.ModuleType):
    for key, value in list(vars(module).items()):   # not getattr: numpy imports some submodules when first named
        why = None if key.startswith("_") or isinstance(value, types.ModuleType) else impurity(name, key)
        if why is not None:
            _REFUSED[id(value)] = (value, why)
    if name == "numpy":
        for method in FILE_METHODS:
            value = module.ndarray.__dict__[method]
            _REFUSED[id(value)] = (value, file_method_refusal(method))
