"""The checks, at run time, of what pyfora code reaches by names that only a run can tell.

`getattr(x, name)`, `vars(x)`, `operator.attrgetter`, `operator.methodcaller`
and `str.format`'s `{0.attr}` fields name attributes with strings; in the VM
these are versions that apply compiler/reach.py's allowlists to the name, and
refuse a container's mutating method taken as a value (the ownership pass
refuses or checks `a.append` written out; `getattr(a, "append")` is the same
method). User code gets them under the builtins' names (linker namespace), a
shipped value is replaced by them (compiler/image.py), and allowed modules
show them in place of the originals.

A module, as pyfora code sees it, is a view: a module of the computation's own
that holds the real module's public functions and constants and nothing else,
so `functools.sys` or `np.ctypeslib` lead nowhere, and no computation can
change a module for the next.
"""
import _string
import functools
import importlib
import operator
import sys
import types

from . import linker
from .astutil import LIBRARY_MUTATORS, MUTATING_METHODS, SETTERS
from .reach import (FILE_METHODS, attribute_refusal, defined_by_user_class, file_method_refusal, impurity,
                    is_allowed_library, is_dunder, needs_owner_check, object_refusal)

_CONTAINERS = (list, dict, set, bytearray)


def _refuse(message: str, construct: str):
    filename, line = linker.user_location(sys._getframe(2))
    linker.refuse_at_run_time(message, filename, line, construct)


def is_array(obj) -> bool:
    cls = obj if isinstance(obj, type) else type(obj)
    return any(c.__name__ == "ndarray" and c.__module__ == "numpy" for c in cls.__mro__)


def is_container(obj) -> bool:
    """A builtin container, an array, or one of their types (whose methods, unbound, mutate any)."""
    if isinstance(obj, type):
        return issubclass(obj, _CONTAINERS) or is_array(obj) or obj.__module__ == "collections"
    return isinstance(obj, _CONTAINERS) or is_array(obj) or type(obj).__module__ == "collections"


def attribute_check(obj, name: str, how: str):
    """Refuse `name` on `obj` where pyfora code may not reach it; `how` is how the code named it."""
    why = attribute_refusal(name)
    if why is None and needs_owner_check(name) and not defined_by_user_class(obj, name):
        why = (f"`{name}` of a `{_type_name(obj)}` is the interpreter's, outside the subset (pyfora code may "
               "use the data model's dunders and its own classes' ones)")
    if why is None:
        if name == "__dict__" and isinstance(obj, types.ModuleType):
            why = "a module's namespace is not reachable from pyfora code; use its functions by name"
        elif name in LIBRARY_MUTATORS and isinstance(obj, types.ModuleType):
            why = (f"it takes `{obj.__name__}.{name}`, which mutates the list it is given, as a value; call it "
                   f"by name (`{obj.__name__}.{name}(h, x)`), where pyfora checks what it mutates")
        elif name in FILE_METHODS and is_array(obj):
            why = file_method_refusal(name)
        elif name in SETTERS or (name in MUTATING_METHODS and is_container(obj)):
            why = (f"it takes a method that mutates a `{_type_name(obj)}` as a value; call it on a container "
                   f"this function made (`x.{name}(...)`), or build a new value instead")
    if why is not None:
        _refuse(f"{how}: {why}", how)


def _type_name(obj) -> str:
    return obj.__name__ if isinstance(obj, type) else type(obj).__name__


def _checked_value(obj, name: str, value):
    """What pyfora code gets for `obj.name`, looked up as `value`, however it named it: a template's
    `format` checks its fields when called, and a builtin function's `__self__` (its module) is refused."""
    if name in ("format", "format_map") and (isinstance(obj, str) or obj is str):
        return functools.partial(checked_format, obj, name)
    if name == "__self__" and isinstance(value, types.ModuleType):
        _refuse("`.__self__` of a builtin function is its module, outside pyfora's subset", "`.__self__`")
    return value


def checked_getattr(obj, name, *default):
    """`getattr`, as pyfora code gets it."""
    if type(name) is not str:
        return getattr(obj, name, *default)     # its own TypeError
    attribute_check(obj, name, f"getattr(..., {name!r})")
    return _checked_value(obj, name, getattr(obj, name, *default))


def checked_vars(*args):
    """`vars`, as pyfora code gets it: an object's attributes, not a module's namespace or a frame's."""
    if not args:
        _refuse("calling vars() without an argument is not supported by pyfora; pass the values you need "
                "as arguments", "vars()")
    if args and isinstance(args[0], types.ModuleType):
        _refuse("vars() of a module is not supported by pyfora; use its functions by name", "vars()")
    return vars(*args)


def checked_attribute(obj, name: str):
    """`obj.name` for the names whose check depends on `obj` (compiler/routing.py routes them here):
    `__dict__`, `__self__`, numpy's file writers, and `format` taken as a value."""
    attribute_check(obj, name, f"`.{name}`")
    return _checked_value(obj, name, getattr(obj, name))


def checked_format(receiver, method: str, *args, **kwargs):
    """`receiver.format(...)` / `.format_map(...)`: a template's `{0.attr}` fields name attributes."""
    template = receiver if isinstance(receiver, str) else None
    if template is None and isinstance(receiver, type) and issubclass(receiver, str) and args \
            and isinstance(args[0], str):
        template = args[0]
    if template is not None:
        _check_fields(template)
    return getattr(receiver, method)(*args, **kwargs)


def _check_fields(template: str):
    try:
        parsed = list(_string.formatter_parser(template))
    except ValueError:
        return      # the format call raises its own error
    for _, field, spec, _ in parsed:
        if field:
            try:
                _, rest = _string.formatter_field_name_split(field)
                parts = list(rest)
            except ValueError:
                return
            for is_attribute, key in parts:
                why = attribute_refusal(key) if is_attribute else None
                if why is not None:
                    _refuse(f"the format field {{{field}}}: {why}", "str.format")
        if spec and "{" in spec:
            _check_fields(spec)


def _get_attributes(paths: tuple, obj):
    values = []
    for path in paths:
        value = obj
        for name in path.split("."):
            attribute_check(value, name, f"operator.attrgetter({path!r})")
            value = _checked_value(value, name, getattr(value, name))
        values.append(value)
    return values[0] if len(values) == 1 else tuple(values)


def checked_attrgetter(attr, /, *attrs):
    """`operator.attrgetter`, as pyfora code gets it."""
    paths = (attr,) + attrs
    for path in paths:
        if not isinstance(path, str):
            operator.attrgetter(path)     # its own TypeError
    return functools.partial(_get_attributes, paths)


def _call_method(name: str, args: tuple, kwargs: dict, obj):
    attribute_check(obj, name, f"operator.methodcaller({name!r})")
    return _checked_value(obj, name, getattr(obj, name))(*args, **kwargs)


def checked_methodcaller(name, /, *args, **kwargs):
    """`operator.methodcaller`, as pyfora code gets it."""
    if not isinstance(name, str):
        operator.methodcaller(name)       # its own TypeError
    return functools.partial(_call_method, name, args, kwargs)


SUBSTITUTES = {("builtins", "getattr"): checked_getattr, ("builtins", "vars"): checked_vars,
               ("operator", "attrgetter"): checked_attrgetter, ("operator", "methodcaller"): checked_methodcaller,
               ("_operator", "attrgetter"): checked_attrgetter,
               ("_operator", "methodcaller"): checked_methodcaller}
"""(module, name) -> the version pyfora code gets."""

_BY_IDENTITY = {id(getattr(importlib.import_module(module), name)): (getattr(importlib.import_module(module), name),
                                                                     checked)
                for (module, name), checked in SUBSTITUTES.items()}


def substitute(obj):
    """The checked version of `obj`, a builtin reached as a value, or None if it needs none."""
    entry = _BY_IDENTITY.get(id(obj))
    return entry[1] if entry is not None and entry[0] is obj else None


def _hidden_attribute(module: str, name: str):
    """A view's module `__getattr__` (PEP 562): an allowed submodule, seen for the first time in this
    computation; a name the view hides, refused; or CPython's AttributeError."""
    real = importlib.import_module(module)
    if not hasattr(real, name):
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    value = getattr(real, name)
    if isinstance(value, types.ModuleType) and value.__name__ == f"{module}.{name}" \
            and is_allowed_library(value.__name__):
        view = module_view(module).__dict__[name] = module_view(value.__name__)
        return view
    _refuse(_why_hidden(module, name, value), f"{module}.{name}")


def _why_hidden(module: str, name: str, value) -> str:
    refusal = impurity(module, name) or object_refusal(value)
    if refusal is not None:
        return refusal
    what = "a private name of the module" if name.startswith("_") else "a module pyfora code cannot use"
    return f"`{module}.{name}` is outside pyfora's subset: {what}"


_CONTENTS: dict = {}
"""Module name -> what its views hold, worked out once per process."""


def _view_contents(name: str) -> dict:
    real = importlib.import_module(name)
    contents = {key: real.__dict__.get(key) for key in ("__doc__", "__spec__", "__loader__", "__file__")}
    hides = False
    for key, value in list(real.__dict__.items()):
        if key.startswith("_") or isinstance(value, types.ModuleType) or object_refusal(value) is not None \
                or impurity(name, key) is not None:
            hides = hides or not is_dunder(key)
            continue
        contents[key] = SUBSTITUTES.get((name, key), value)
    if hides:   # only then: CPython does not specialise attribute reads of a module with a __getattr__
        contents["__getattr__"] = functools.partial(_hidden_attribute, name)
    return contents


def module_view(name: str) -> types.ModuleType:
    """The allowed module `name` as this computation's code sees it: a module of its own (so attribute
    reads stay as fast as a module's), holding the real module's public functions, constants and,
    when first read, allowed submodules. Nothing in the subset can write to it (`m.x = v`, `setattr`,
    `vars(m)`, `m.__dict__` and `object.__setattr__` are refused); should some route be missed, the
    change stays in this computation, as each gets views of its own (linker.MODULE_VIEWS)."""
    view = linker.MODULE_VIEWS.get(name)
    if view is None:
        contents = _CONTENTS.get(name)
        if contents is None:
            contents = _CONTENTS[name] = _view_contents(name)
        view = linker.MODULE_VIEWS[name] = types.ModuleType(name)
        view.__dict__.update(contents)
    return view


linker.NAMESPACE_ADDITIONS.update({"getattr": checked_getattr, "vars": checked_vars,
                                   "_pf_attribute": checked_attribute, "_pf_format": checked_format})
