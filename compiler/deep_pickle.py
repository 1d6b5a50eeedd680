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
An object pickled by reduction with state (instances, functions, classes)
that something under it refers back to is split in two entries: the object
made from its constructor arguments (`__newobj__`, `new_instance`, ...) where
the walk first met it, and its state (and list and dict items) applied once
its children are written. So a cycle such as a doubly linked list stays
shallow too, and every object is made and filled at the same points
relative to its neighbours as plain pickle does it. A long cycle made only
of lists, dicts or sets still recurses (nothing splits them): that raises
RecursionError as before.

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


_SLOT = object()
"""Where an object with state is made if it is split (left out otherwise)."""


class _Pending:
    """The reduction of an object with state (list or dict items), while its children are walked."""

    def __init__(self, func, args, state, listitems: list | None, dictitems: list | None, setter):
        self.func, self.args, self.state, self.setter = func, args, state, setter
        self.listitems, self.dictitems = listitems, dictitems
        self.slot: int | None = None

    def children(self) -> list:
        """What pickle writes after making the object: list items, dict items, the state."""
        return [*(self.listitems or ()), *itertools.chain.from_iterable(self.dictitems or ()), self.setter,
                self.state]

    def rest(self) -> tuple:
        """The reduction's state, list and dict items (as iterators again) and state setter."""
        return (self.state, None if self.listitems is None else iter(self.listitems),
                None if self.dictitems is None else iter(self.dictitems), self.setter)


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
        parents, then `root`. An object with state that something under it refers back to is split:
        made where the walk met it, filled after its children."""
        entries = []
        seen = self._seen
        filling: dict = {}  # id -> _Pending of each object whose state's children are being walked
        cycled = set()      # ids of those that something under them refers back to
        frame = self._frame(root)
        stack = [frame] if frame is not None else []
        while stack:
            frame = stack[-1]
            for child in frame[0]:
                if type(child) in _ATOMS:
                    continue
                key = id(child)
                if key in seen:
                    if key in filling:
                        cycled.add(key)
                    continue
                seen[key] = child
                child_frame = self._frame(child)
                if child_frame is not None:
                    stack.append(child_frame)
                    break
            else:
                _, obj, pending = frame
                if pending is None:
                    entries.append(obj)
                    stack.pop()
                elif pending.slot is None:  # made: a place for it if it must be split, then its state
                    pending.slot = len(entries)
                    entries.append(_SLOT)
                    filling[id(obj)] = pending
                    frame[0] = iter(pending.children())
                else:
                    del filling[id(obj)]
                    entries.append(self._done(obj, pending, id(obj) in cycled, entries))
                    stack.pop()
        entries.append(root)
        return [entry for entry in entries if entry is not _SLOT]

    def _done(self, obj, pending: "_Pending", cycled: bool, entries: list):
        """The entry that fills `obj`, whose children are all written: `obj` itself, written whole, or
        when something under it refers back to it, its state alone (`obj` made at its place)."""
        rest = pending.rest()
        if not cycled:
            self._reductions[id(obj)] = (pending.func, pending.args) + rest
            return obj
        entries[pending.slot] = obj
        self._reductions[id(obj)] = (pending.func, pending.args)
        fill = _Fill()
        self._seen[id(fill)] = fill
        self._reductions[id(fill)] = (same, (obj,)) + rest
        return fill

    def _frame(self, obj):
        """How the walk goes through `obj`: [its children (made from: for an object with state, those it
        is made from), obj, its `_Pending` state or None], or None when nothing is under it."""
        t = type(obj)
        if t in _ATOMS:
            return None
        pid = self._own_persistent_id(obj)
        if pid is not None:
            self._pids[id(obj)] = pid
            if not (type(pid) is tuple and len(pid) == 3 and pid[1] is obj):
                return None     # a reference the reader resolves: nothing of it is pickled here
        if t is list or t is tuple or t is set or t is frozenset:
            return [iter(obj), obj, None]
        if t is dict:
            return [itertools.chain.from_iterable(obj.items()), obj, None]
        reduction = self._reduction(obj, t)
        if reduction is None or type(reduction) is str:
            return None
        if len(reduction) == 2:
            self._reductions[id(obj)] = reduction
            return [itertools.chain(reduction[:1], reduction[1]), obj, None]
        func, args, state, listitems, dictitems, setter = (tuple(reduction) + (None,) * 4)[:6]
        made = itertools.chain((func,), args)
        if state is None and listitems is None and dictitems is None:
            self._reductions[id(obj)] = reduction
            return [made, obj, None]
        return [made, obj, _Pending(func, args, state, None if listitems is None else list(listitems),
                                    None if dictitems is None else list(dictitems), setter)]

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
