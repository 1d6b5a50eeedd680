"""Dict views (`d.keys()`, `d.values()`, `d.items()`) travel as views of their dict.

Pickle cannot write a view. A view is a window on its dict and holds nothing
else, so it travels as the call that makes it, applied to the dict, which
travels with it: where the dict travels too (`f(d, d.keys())`), the view
made on the other side shows that same dict, as it does here. Arguments and
results alike (compiler/image.py, vm/transport.py).
"""
import collections
import gc

_VIEW_TYPES = {type(getattr(cls(), name)()): (cls, name)
               for cls in (dict, collections.OrderedDict) for name in ("keys", "values", "items")}
"""The type of each view -> the class and method that make it."""


def reduce_view(obj):
    """How to pickle `obj` if it is a dict view, or None."""
    made = _VIEW_TYPES.get(type(obj))
    if made is None:
        return None
    mapping, = gc.get_referents(obj)     # a view's only reference is its dict
    return (make_view, (*made, mapping))


def make_view(cls: type, name: str, mapping):
    """The view `cls.name` of `mapping`, made again where it arrived."""
    return getattr(cls, name)(mapping)
