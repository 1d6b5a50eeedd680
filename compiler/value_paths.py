"""Where a refused value was reached from, for the message that refuses it.

The walker pickles a submission as one graph (compiler/image.py), and when
it meets a value it must refuse it cannot tell how it got there. So only
then, on the way to the error, the value is looked for again from the
submission `fn(*args, **kwargs)`: breadth first through the arguments, then
the globals, closure variables and defaults of `fn` and of every user
function met on the way, through container items and the attributes of
objects and classes. The message can then say `argument 2 at [0]['lock']`,
and for a global, name the line that reads it.
"""
import gc
import types
from dataclasses import dataclass

_LIMIT = 1_000_000
"""Objects looked at before giving up: the search only words an error, it must not cost more than the
walk did."""
_SHOWN = 8
"""Steps of a path written out; a longer one is cut in the middle."""


@dataclass(frozen=True)
class Reached:
    """How a value was reached: `text` (`argument 2 at [0]['k']`), and where the path goes through a
    global or closure variable of a user function, that function's code and the name (`via`)."""
    text: str
    via: tuple | None


def find(target, fn, args: tuple, kwargs: dict, is_user_function) -> Reached | None:
    """How `target` is reached from the call `fn(*args, **kwargs)`, or None if it is not found.
    `is_user_function(f)`: whether the walker sends `f`'s globals (a library's function goes by name)."""
    nodes = []      # (value, parent index or -1, step, via)
    seen = set()

    def found(value, parent: int, step: str, via) -> bool:
        """Add `value`, if new, as a node; whether it is the target."""
        if id(value) in seen:
            return False
        seen.add(id(value))
        nodes.append((value, parent, step, via))
        return value is target

    roots = [(value, f"argument {i + 1}") for i, value in enumerate(args)]
    roots += [(value, f"keyword argument `{name}`") for name, value in kwargs.items()]
    for value, step in roots + [(fn, "")]:
        if found(value, -1, step, None):
            return _reached(nodes)
    head = 0
    while head < len(nodes) < _LIMIT:
        via = nodes[head][3]
        for child, step, child_via in _children(nodes[head][0], is_user_function):
            if found(child, head, step, via or child_via):
                return _reached(nodes)
        head += 1
    return None


def _children(value, is_user_function):
    """(child, step, via) for what `value` holds that the walker would send."""
    t = type(value)
    if isinstance(value, type):
        return [(v, f".{k}", None) for k, v in vars(value).items() if not k.startswith("__")] if t is type else []
    if t is types.ModuleType or t is types.BuiltinFunctionType:
        return []
    if isinstance(value, (list, tuple)):
        return [(item, f"[{i}]", None) for i, item in enumerate(value)]
    if isinstance(value, dict):
        return [(k, "a key", None) for k in value] + [(v, f"[{_key(k)}]", None) for k, v in value.items()]
    if isinstance(value, (set, frozenset)):
        return [(item, "an item of a set", None) for item in value]
    if t is types.FunctionType:
        return _function_children(value) if is_user_function(value) else []
    attributes = vars(value) if type(getattr(value, "__dict__", None)) is dict else {}
    return [(v, f".{k}", None) for k, v in attributes.items() if not k.startswith("__")] + [
        (child, f"inside a {t.__name__}", None) for child in gc.get_referents(value)
        if child is not attributes and not isinstance(child, (type, types.ModuleType))]


def _function_children(fn: types.FunctionType) -> list:
    """What a user function sends with its code: the globals it reads, its closure and its defaults."""
    code = fn.__code__
    whose = f" of {fn.__qualname__}"
    children = [(fn.__globals__[name], f"the global `{name}`{whose}", (code, name))
                for name in _names(code) if name in fn.__globals__]
    for name, cell in zip(code.co_freevars, fn.__closure__ or ()):
        try:
            children.append((cell.cell_contents, f"the closure variable `{name}`{whose}", (code, name)))
        except ValueError:
            pass
    children += [(d, f"a default of {fn.__qualname__}", None) for d in fn.__defaults__ or ()]
    children += [(d, f"the default of `{k}` of {fn.__qualname__}", None)
                 for k, d in (fn.__kwdefaults__ or {}).items()]
    return children


def _names(code: types.CodeType) -> list:
    """Every name `code` (and code nested in it) may read as a global."""
    names = list(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names += _names(const)
    return list(dict.fromkeys(names))


def _key(key) -> str:
    """The key as written, for keys whose repr runs no code of the user's."""
    if type(key) not in (str, int, float, bool, bytes, type(None)):
        return f"<{type(key).__name__}>"
    text = repr(key)
    return text if len(text) <= 30 else text[:27] + "..."


def _reached(nodes: list) -> Reached:
    """The path to the last node: phrases (`argument 1`, `the global `G` of f`, `a key`) joined by commas,
    each followed by the items and attributes taken from there (`at [0].lock`)."""
    index = len(nodes) - 1
    steps, via = [], nodes[index][3]
    while index >= 0:
        _, index, step, _ = nodes[index]
        if step:
            steps.append(step)
    steps.reverse()
    if len(steps) > _SHOWN:
        steps = steps[:_SHOWN // 2] + [f"[...{len(steps) - _SHOWN} more...]"] + steps[-_SHOWN // 2:]
    parts: list[list[str]] = []
    for step in steps:
        if step[0] in "[." and parts:
            parts[-1].append(step)
        else:
            parts.append([step])
    return Reached(", ".join(part[0] + (f" at {''.join(part[1:])}" if len(part) > 1 else "") for part in parts),
                   via)
