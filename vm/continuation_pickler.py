"""Pickle a suspended computation's frames to bytes and back (the body of vm/suspend.py's `dumps`, `loads`).

Objects of the VM travel by what rebuilds them in any worker: functions by their code, namespace and
cells, classes by their namespace, modules by name. Builtin values that pickle cannot write, or would
write as something else, travel by what rebuilds them faithfully: an exception without running its
`__init__` again, a dict or set iterator over the same container that still notices a size change,
a NaN as one object wherever it is referenced, a numpy view as a view of the same memory, a finished
generator as a finished generator. A value nothing here can rebuild makes pickling fail; the
suspension is then refused at that statement and tried again later (`Suspender.capture`), so it
never surfaces as an error of the user's program.
"""
import collections
import functools
import gc
import io
import itertools
import marshal
import pickle
import sys
import types

from pyfora.compiler import deep_pickle, library_classes, linker, set_layout
from pyfora.compiler.linker import SUSPENDING, UNITS
from pyfora.compiler.nans import NanReading, NanWriting

from . import prelude, tracebacks

_HIDDEN_TYPES = {v: k for k, v in vars(types).items() if isinstance(v, type) and k[0].isupper()}
"""Builtin types pickle cannot find by name (`generator`, `function`...): found in `types` instead."""


_SET_TYPES = set_layout.SET_TYPES


class ContinuationWriter(pickle.Pickler):
    """Pickle VM objects by what rebuilds them in any worker: code, statement ids, namespaces.

    `reduce_generator` says how a generator travels (that depends on the frames being pickled).
    """

    def __init__(self, file, code_defs: dict, reduce_generator):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.code_defs = code_defs
        self.reduce_generator = reduce_generator
        self._nans = NanWriting()
        self._sets = set_layout.SetWriting()

    def reducer_override(self, obj):
        t = type(obj)
        if t is types.FunctionType:
            return self._function(obj)
        if t is types.GeneratorType:
            return self.reduce_generator(obj)
        reducer = _BY_TYPE.get(t)
        if reducer is not None:
            return reducer(obj)
        if t.__name__ == "ndarray" and _is_array_view(obj):
            return _array_view(obj)
        if obj is prelude._MISSING:
            return (prelude_missing, ())
        if obj is SUSPENDING:
            return (linker.suspend_flag, ())
        if isinstance(obj, type):
            return _class(obj)
        if t in linker.CLASS_ORIGINS:
            reduced = linker.reduce_instance(obj)
            if reduced is not None:
                return reduced
        if isinstance(obj, BaseException):
            return _exception(obj)
        descriptor = linker.reduce_descriptor(obj)
        if descriptor is not None:
            return descriptor
        return NotImplemented

    def _function(self, fn):
        """A function of tier-0 code travels with its own code object, not a position in its unit: a
        lambda in a comprehension, a function made by resumed code, all rebuild exactly."""
        if prelude.NAMESPACE.get(fn.__name__) is fn:
            return (prelude_function, (fn.__name__,))
        if fn.__code__ is _LRU_DECORATOR:
            return _lru_decorator(fn)
        refused = linker.reduce_refused(fn)
        if refused is not None:
            return refused
        unit = UNITS.get(fn.__code__.co_filename)
        if unit is None:
            return NotImplemented
        self.code_defs[unit.code_def.id] = unit.code_def
        cells = dict(zip(fn.__code__.co_freevars, fn.__closure__ or ()))
        attributes = {**linker.function_attributes(fn), "__module__": fn.__module__}
        state = (fn.__defaults__, fn.__kwdefaults__, attributes)
        return (linker.vm_function, (fn.__code__, fn.__name__, fn.__qualname__, fn.__globals__, cells),
                state, None, None, linker.set_vm_function_state)

    def persistent_id(self, obj):
        if obj is prelude.NAMESPACE:
            return "prelude"
        t = type(obj)
        if t is float and obj != obj:
            return self._nans.persistent_id(obj)
        if t in _SET_TYPES:     # pickle calls this for every object: only sets pay for more
            return self._sets.persistent_id(obj)
        return None


class ContinuationReader(pickle.Unpickler):
    def __init__(self, file):
        super().__init__(file)
        self._nans = NanReading()

    def persistent_load(self, pid):
        if pid == "prelude":
            return prelude.NAMESPACE
        if set_layout.is_set_id(pid):
            return set_layout.persistent_load(pid)
        return self._nans.persistent_load(pid)


def dumps(value, code_defs: dict, reduce_generator) -> bytes:
    """`value` pickled with the code definitions it needs (gathered as it is written), however deeply
    nested (compiler/deep_pickle.py)."""
    body, _ = deep_pickle.dump(lambda cls, file: cls(file, code_defs, reduce_generator), ContinuationWriter,
                               value)
    return pickle.dumps((code_defs, body), protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes):
    """What `dumps` wrote, its code definitions compiled in this process first."""
    code_defs, body = pickle.loads(data)
    for code_def in code_defs.values():
        linker.compiled(code_def)
    return ContinuationReader(io.BytesIO(body)).load()


def prelude_function(name: str):
    return prelude.NAMESPACE[name]


def prelude_missing():
    return prelude._MISSING


# ## Classes and exceptions

def _class(cls: type):
    if linker.is_namedtuple(cls) and (cls in linker.CLASS_ORIGINS or not _found_by_name(cls)):
        return (linker.new_namedtuple, (cls.__name__, cls._fields, tuple(cls._field_defaults.items()),
                                        cls.__module__, linker.CLASS_ORIGINS.get(cls, -1)),
                library_classes.namedtuple_methods(cls, _is_vm_function), None, None, library_classes.set_namespace)
    if cls in linker.CLASS_ORIGINS or (_is_made_by_vm(cls) and not _found_by_name(cls)):
        made = (cls.__name__, cls.__qualname__, cls.__module__, cls.__bases__, linker.CLASS_ORIGINS.get(cls, -1))
        return library_classes.class_reduction(cls, made, _is_vm_function, linker.new_class, linker.new_enum)
    if cls in _HIDDEN_TYPES:
        return (getattr, (types, _HIDDEN_TYPES[cls]))
    return NotImplemented


def _is_made_by_vm(cls: type) -> bool:
    """A class a class statement of tier-0 code made (a class defined inside a function)."""
    return "<locals>" in cls.__qualname__ and (type(cls) is type or library_classes.is_enum_type(cls))


def _is_vm_function(fn) -> bool:
    return type(fn) is types.FunctionType and fn.__code__.co_filename in UNITS


def _found_by_name(cls: type) -> bool:
    """Whether pickle's own way, the class's module and name, finds this very class (a library's)."""
    return getattr(sys.modules.get(cls.__module__), cls.__qualname__, None) is cls


def _exception(exc: BaseException):
    """An exception is rebuilt without calling its class (a custom `__init__` need not take its `args`),
    with its attributes, its chain and its traceback: stub frames that say the same code and statement,
    so a traceback sent to the client later still names the user's lines."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_lineno is not None:
            code = tb.tb_frame.f_code
            frames.append((code.co_filename, tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    state = {"dict": dict(getattr(exc, "__dict__", {})), "cause": exc.__cause__, "context": exc.__context__,
             "suppress": exc.__suppress_context__, "frames": frames}
    return (tracebacks.rebuild_exception, (type(exc), exc.args), state, None, None,
            tracebacks.set_exception_state)


# ## Builtin values pickle does not write as they are

def _code(code: types.CodeType):
    return (marshal.loads, (marshal.dumps(code),))


def _mappingproxy(proxy):
    """A class's `__dict__` stays that class's (a live view); any other proxy wraps its mapping."""
    (mapping,) = gc.get_referents(proxy)
    for owner in gc.get_referrers(mapping):
        if isinstance(owner, type) and gc.get_referents(owner.__dict__) == [mapping]:
            return (getattr, (owner, "__dict__"))
    return (types.MappingProxyType, (mapping,))


def _dict_view(view):
    (mapping,) = gc.get_referents(view)   # `view.mapping` is a read-only proxy of the dict
    return (linker.dict_view, (mapping, _DICT_VIEWS[type(view)]))


_DICT_VIEWS = {type(getattr(d, kind)()): kind for d in ({}, collections.OrderedDict())
               for kind in ("keys", "values", "items")}
_DICT_ITERATORS = {type(order(getattr({}, kind)())): (kind, order is reversed)
                   for kind in ("keys", "values", "items") for order in (iter, reversed)}
_SET_ITERATOR = type(iter(set()))


def _container_iterator(it):
    """A dict or set iterator: over the same container, as far on, as sure to notice a size change.

    On 3.11 the size it was made at is not visible, only whether the container still has it (a copy
    of the iterator, which `__reduce__` lists, raises if not). So when the size differs, the iterator
    is not written: its next step either raises (CPython's error, with no suspension in between) or
    finds the size changed back and goes on; the suspension waits until then.
    """
    container = next((r for r in gc.get_referents(it) if isinstance(r, (dict, set, frozenset))), None)
    if container is None:
        return (container_iterator, (None, _DICT_ITERATORS.get(type(it)), None))
    try:
        it.__reduce__()
    except RuntimeError:
        raise pickle.PicklingError(f"the {type(container).__name__} under an iterator changed size") from None
    return (container_iterator, (container, _DICT_ITERATORS.get(type(it)), len(container) - it.__length_hint__()))


def container_iterator(container, kind: tuple | None, position: int | None):
    """An iterator over `container` (a dict's `kind` = (view, reversed), or a set) that has given
    `position` items; with no container, one that is exhausted."""
    if container is None:
        it = _iterate({} if kind else set(), kind)
        next(it, None)
        return it
    it = _iterate(container, kind)
    collections.deque(itertools.islice(it, position), 0)
    return it


def _iterate(container, kind):
    if kind is None:
        return iter(container)
    view = getattr(dict, kind[0])(container)
    return reversed(view) if kind[1] else iter(view)


def _pairwise(pairs):
    """`itertools.pairwise` keeps its iterator and the item it read last (neither once exhausted); from
    3.13 on, last of all, the tuple it hands out again when no one holds it (not state: left out)."""
    state = [r for r in gc.get_referents(pairs) if r is not type(pairs)]
    return (pairwise, tuple(state[:-1] if _PAIRWISE_KEEPS_RESULT else state))


_PAIRWISE_KEEPS_RESULT = sys.version_info >= (3, 13)


def pairwise(*state):
    if not state:
        pairs = itertools.pairwise(())
        next(pairs, None)
        return pairs
    if len(state) == 1:
        return itertools.pairwise(state[0])
    it, last = state
    return itertools.pairwise(itertools.chain((last,), it))


def _key_wrapper(key):
    """`functools.cmp_to_key(cmp)` and the keys it makes: the comparison, and the key's object."""
    return (key_wrapper, tuple(r for r in gc.get_referents(key) if r is not type(key)))


def key_wrapper(cmp, *obj):
    key = functools.cmp_to_key(cmp)
    return key(*obj) if obj else key


_LRU_DECORATOR = functools.lru_cache(maxsize=None).__code__


def _lru_decorator(decorator):
    """What `functools.lru_cache(maxsize, typed)` returns before it is given its function."""
    cells = dict(zip(decorator.__code__.co_freevars, decorator.__closure__))
    return (functools.lru_cache, (cells["maxsize"].cell_contents, cells["typed"].cell_contents))


def _lru_wrapper(wrapper):
    """A function under `functools.lru_cache`, as long as its cache is empty: the entries (and the
    counts `cache_info` shows) cannot be read, and a call that hit the cache must not run again."""
    if wrapper.cache_info()[:2] != (0, 0):
        raise pickle.PicklingError(f"the cache of {wrapper.__qualname__} cannot be carried")
    return linker.reduce_descriptor(wrapper)


_BY_TYPE = {
    types.CodeType: _code,
    functools._lru_cache_wrapper: _lru_wrapper,
    types.MappingProxyType: _mappingproxy,
    itertools.pairwise: _pairwise,
    type(functools.cmp_to_key(None)): _key_wrapper,
    types.CellType: lambda cell: (linker.new_cell, (), _cell_contents(cell), None, None, linker.set_cell),
    types.ModuleType: lambda module: ((linker.import_module if sys.modules.get(module.__name__) is module
                                       else linker.module_view), (module.__name__,)),
    super: lambda sup: (super, (sup.__thisclass__, sup.__self__)),
    _SET_ITERATOR: _container_iterator,
    **{t: _container_iterator for t in _DICT_ITERATORS},
    **{t: _dict_view for t in _DICT_VIEWS},
}


def _is_array_view(obj) -> bool:
    np = sys.modules.get("numpy")
    return np is not None and type(obj) is np.ndarray and isinstance(obj.base, np.ndarray)


def _array_view(view):
    """A numpy view travels as a view of the array that owns its memory, at the same offset and strides:
    pickled on its own it would be a copy, and a write through it (`b = a[1:]; b += 10`) would no
    longer reach the other arrays over that memory. Views of object arrays cannot be rebuilt so."""
    np = sys.modules["numpy"]
    root = view.base
    while isinstance(root.base, np.ndarray):
        root = root.base
    if view.dtype.hasobject or root.dtype.hasobject or not (root.flags.c_contiguous or root.flags.f_contiguous):
        raise pickle.PicklingError("a view of this numpy array cannot be carried")
    offset = view.__array_interface__["data"][0] - root.__array_interface__["data"][0]
    return (array_view, (root, view.dtype, view.shape, view.strides, offset, view.flags.writeable))


def array_view(root, dtype, shape: tuple, strides: tuple, offset: int, writeable: bool):
    """The view `_array_view` wrote: over `root`'s memory itself (its `base` is `root` when `root` is
    C-contiguous)."""
    np = sys.modules["numpy"]
    memory = root if root.flags.c_contiguous else root.reshape(-1, order="A").view(np.uint8)
    view = np.ndarray(shape, dtype, buffer=memory, offset=offset, strides=strides)
    view.flags.writeable = writeable and root.flags.writeable
    return view


def _cell_contents(cell) -> tuple:
    try:
        return (True, cell.cell_contents)
    except ValueError:
        return (False, None)


def finished_generator(name: str, qualname: str):
    """A generator that has run to its end or was closed: `next` raises StopIteration, `close` does
    nothing, `throw` raises what it is given, `gi_frame` is None."""
    generator = _ended()
    generator.close()
    generator.__name__, generator.__qualname__ = name, qualname
    return generator


def _ended():
    yield
