"""Pickling object graphs of any depth (arguments, results, continuations) without deep recursion.

CPython's pickler recurses on the C stack once per level of nesting, so a
10,000-deep list `[[[...]]]` or a long chain of objects (`node.nxt.nxt...`)
raises RecursionError: at the recursion limit on 3.11, at a fixed C limit on
3.12 and 3.13. The unpickler is iterative and has no such limit.

The policy: pickle as usual, at C speed; only when that raises
RecursionError, pickle again with a fresh pickler of the same class made
"deep" (`deep_variant`), which first walks the graph iteratively, following
the references pickle would follow (container items; for any other object
the reduction pickle would use, found through the pickler's own
`persistent_id` and `reducer_override`), and then pickles the list of what it
met, children before parents, followed by the root. Each entry's children
are then already in the pickler's memo, so saving it recurses a level or two.
An object pickled by reduction (instances, functions, classes) is split in
two entries: the object made from its constructor arguments (`__newobj__`,
`new_instance`, ...) where the walk first meets it, and its state (and list
and dict items) applied once its children are written. So a cycle such as
a doubly linked list stays shallow too, and every object is built before and
filled at the same points relative to its neighbours as plain pickle does it.
A long cycle made only of lists, dicts or sets still recurses (nothing splits
them): that raises RecursionError as before.

The pickle loads with any unpickler: the root comes back through `root_of`,
and a split object's state through `same`, both plain functions found by
name. One pickler object does the walk and the pickling, so its memo, its
persistent ids and its hooks' side effects (handles the walker hands out,
sets met once) are shared: each hook runs once per object, and its answer is
kept for the pickling.
"""
import copyreg
import gc
import io
import itertools
import pickle
import types

PROTOCOL = pickle.HIGHEST_PROTOCOL

_ATOMS = frozenset({type(None), bool, int, float, complex, str, bytes, bytearray, pickle.PickleBuffer})
"""Types with nothing under them that could nest: pickled where they are met, never entries."""


def dump(make, cls: type, value) -> tuple[bytes, pickle.Pickler]:
    """`value` pickled by `make(cls, file)`, a fresh pickler writing to `file`; if that recurses too
    deep, by a fresh `make(deep_variant(cls), file)` that orders the graph first. Returns the pickle and
    the pickler that wrote it. A RecursionError of the second try is raised."""
    file = io.BytesIO()
    pickler = make(cls, file)
    try:
        pickler.dump(value)
        return file.getvalue(), pickler
    except RecursionError:
        pass
    del pickler
    file = io.BytesIO()
    pickler = make(deep_variant(cls), file)
    pickler.dump(value)
    return file.getvalue(), pickler


_VARIANTS: dict = {}


def deep_variant(cls: type) -> type:
    """The subclass of the pickler class `cls` whose `dump` orders the graph first (one per class)."""
    variant = _VARIANTS.get(cls)
    if variant is None:
        variant = _VARIANTS[cls] = type(f"Deep{cls.__name__}", (DeepPickling, cls), {})
    return variant


class _Ordered:
    """The root of a deep pickle: the ordered entries, of which the root is the last."""

    def __init__(self, entries: list):
        self.entries = entries


class _Fill:
    """The second entry of a split object: its state, list and dict items."""


def root_of(entries: list):
    return entries[-1]


def same(obj):
    """What a split object's state is applied to: the object itself, made by an earlier entry."""
    return obj


class DeepPickling:
    """Mixin before a `pickle.Pickler` subclass: `dump` walks the graph and pickles it in order.

    The walk asks the pickler's own `persistent_id` and `reducer_override` once per object and keeps
    their answers (`_pids`, `_reductions`, by object id; `_seen` keeps every object alive meanwhile,
    so no id is reused); the pickling then gets the same answers from these hooks.
    """

    def dump(self, value):
        self._pids: dict = {}
        self._reductions: dict = {}
        self._seen: dict = {id(value): value}
        hooks = super()
        self._own_persistent_id, self._own_reducer_override = hooks.persistent_id, hooks.reducer_override
        collecting = gc.isenabled()
        gc.disable()    # the walk makes many objects and frees them all itself: no cycle to collect
        try:
            entries = self._order(value)
            ordered = _Ordered(entries)
            self._reductions[id(ordered)] = (root_of, (entries,))
            hooks.dump(ordered)
        finally:
            if collecting:
                gc.enable()
            self._pids, self._reductions, self._seen = {}, {}, {}
            self._own_persistent_id = self._own_reducer_override = None

    # ## The hooks, answering from the walk

    def persistent_id(self, obj):
        if self._pids:
            pid = self._pids.pop(id(obj), None)   # a set's id is given once, as its writer does
            if pid is not None:
                return pid
        return self._own_persistent_id(obj)

    def reducer_override(self, obj):
        reduction = self._reductions.get(id(obj))
        if reduction is not None:
            return reduction
        return self._own_reducer_override(obj)

    # ## The walk

    def _order(self, root) -> list:
        """Every object under `root` that pickle would write with something under it, children before
        parents (split objects: made before their children, filled after them), then `root`."""
        entries = []
        seen = self._seen
        stack = [self._frame(root) or (iter(()), None, (), None)]
        while stack:
            frame = stack[-1]
            children = frame[0]
            for child in children:
                if type(child) in _ATOMS or id(child) in seen:
                    continue
                seen[id(child)] = child
                child_frame = self._frame(child)
                if child_frame is not None:
                    stack.append(child_frame)
                    break
            else:
                _, made, fill_children, filled = frame
                if made is not None:
                    entries.append(made)
                if fill_children:
                    stack[-1] = (iter(fill_children), None, (), filled)
                else:
                    if filled is not None:
                        entries.append(filled)
                    stack.pop()
        entries.append(root)
        return entries

    def _frame(self, obj):
        """How the walk goes through `obj`: (its first children, the entry made after them, the
        children after that, the entry after those), or None when nothing is under it."""
        t = type(obj)
        if t in _ATOMS:
            return None
        pid = self._own_persistent_id(obj)
        if pid is not None:
            self._pids[id(obj)] = pid
            if not (type(pid) is tuple and len(pid) == 3 and pid[1] is obj):
                return None     # a reference the reader resolves: nothing of it is pickled here
        if t is list or t is tuple or t is set or t is frozenset:
            return (iter(obj), None, (), obj)
        if t is dict:
            return (itertools.chain.from_iterable(obj.items()), None, (), obj)
        reduction = self._reduction(obj, t)
        if reduction is None or type(reduction) is str:
            return None
        if len(reduction) == 2:
            self._reductions[id(obj)] = reduction
            return (itertools.chain(reduction[:1], reduction[1]), obj, (), None)
        func, args, state, listitems, dictitems, setter = (tuple(reduction) + (None,) * 4)[:6]
        made = itertools.chain((func,), args)
        if state is None and listitems is None and dictitems is None:
            self._reductions[id(obj)] = reduction
            return (made, obj, (), None)
        listitems = None if listitems is None else list(listitems)
        dictitems = None if dictitems is None else list(dictitems)
        fill = _Fill()
        self._seen[id(fill)] = fill
        self._reductions[id(obj)] = (func, args)
        self._reductions[id(fill)] = (same, (obj,), state, None if listitems is None else iter(listitems),
                                      None if dictitems is None else iter(dictitems), setter)
        filled = [*(listitems or ()), *itertools.chain.from_iterable(dictitems or ()), setter, state]
        return (made, obj, filled, fill)

    def _reduction(self, obj, t: type):
        """The reduction pickle would use for `obj` (as `save` in Modules/_pickle.c chooses it), or None
        where it writes `obj` by name."""
        reduction = self._own_reducer_override(obj)
        if reduction is not NotImplemented:
            return reduction
        if t is type or t is types.FunctionType:
            return None
        table = getattr(self, "dispatch_table", copyreg.dispatch_table)
        reduce = table.get(t)
        if reduce is not None:
            return reduce(obj)
        if issubclass(t, type):
            return None
        return obj.__reduce_ex__(PROTOCOL)
