"""Isolation between the computations of one worker: each starts from the client's settings at its
submit (vm/settings.py), and a fingerprint of the modules a computation can reach (the identity of
every name and value in them) tells after it whether it changed any.

A computation must not change what later ones compute. The compiler refuses writes to modules and
builtins where it can see them; this is the backstop for the routes it does not. A worker takes the
fingerprint when it becomes ready and compares after each computation. If anything changed, it puts
the old names and values back before it sends its reply (sending and pickling it look up builtins),
and then the pool replaces it: what else such code changed cannot be seen.

What is watched: `builtins`, and every module in `sys.modules` under a top-level package the VM allows
(compiler/reach.py `ALLOWED_MODULES`), public submodules included: pyfora code reaches a module only
through its view, which shows public names and public submodules (compiler/guards.py), so
a private one (`numpy._core.numeric`) is reached only by the library's own code. What is compared:
the identity of each key and value of their `__dict__`s, in C (`map(operator.is_, ...)`), not the
values' contents: a module's list or dict changed in place is not seen. Measured on this project's
machine with numpy, numpy.linalg and numpy.fft imported (26 modules, 1,445 names; with private
submodules it was 94 modules, 5,388 names), a check takes about 110 µs with the machine's load
average at 2.5. A faster `==` of lists would call `__eq__` of whatever a computation left in a
module, after the computation, where nothing can stop it.

A module imported after the worker became ready (numpy, the first time a computation uses it) is
imported while that computation's program is linked, and is fingerprinted then, before the
computation's own code runs. Linking can run code of the user's (a base class's `__init_subclass__`),
so a change made there to a module that the same linking imported is not seen. A submodule that a
computation's own code imports (numpy imports `numpy.ma` the first time `np.ma` is read) is added to
its package and fingerprinted when that computation ends: what the same computation did to it is not
seen either.
"""
from __future__ import annotations

import sys
from builtins import all, getattr, isinstance, len, list, map, set, type, zip
from operator import is_

from pyfora.compiler.reach import ALLOWED_MODULES

from .settings import Settings, apply

# The builtins and `operator.is_` above are bound at import, so that a computation that replaced one
# of them in its module cannot change what the check after it sees.


def _watched(name: str) -> bool:
    top, *rest = name.split(".")
    return top in ALLOWED_MODULES and not any(part.startswith("_") for part in rest)


class _Snapshot:
    """One module's `__dict__`: its names and values, in order, as fingerprinted."""

    def __init__(self, name: str, namespace: dict):
        self.name, self.namespace = name, namespace
        self.keys, self.values = list(namespace), list(namespace.values())

    def unchanged(self) -> bool:
        """Whether the names and values are those fingerprinted, or those followed only by submodules
        that the import system added (numpy imports `numpy.ma` when `np.ma` is first read): these
        then join the fingerprint."""
        namespace, keys = self.namespace, self.keys
        if (len(namespace) < len(keys) or not all(map(is_, namespace, keys))
                or not all(map(is_, namespace.values(), self.values))):
            return False
        if len(namespace) == len(keys):
            return True
        added = list(namespace.items())[len(keys):]
        if not all(type(key) is str and value is sys.modules.get(f"{self.name}.{key}") for key, value in added):
            return False
        self.keys, self.values = list(namespace), list(namespace.values())
        return True

    def restore(self) -> None:
        namespace = self.namespace
        namespace.update(zip(self.keys, self.values))
        for key in namespace.keys() - set(self.keys):
            del namespace[key]


class Fingerprint:
    """The names and values of each watched module, as they were when it was first seen."""

    def __init__(self):
        self._snapshots: dict[str, _Snapshot] = {}
        self._modules_seen = 0
        self.add_new()

    def add_new(self) -> None:
        """Fingerprint the watched modules imported since the last call."""
        if len(sys.modules) == self._modules_seen:
            return
        self._modules_seen = len(sys.modules)
        for name, module in list(sys.modules.items()):
            if name in self._snapshots or not _watched(name):
                continue
            namespace = getattr(module, "__dict__", None)
            if isinstance(namespace, dict):
                self._snapshots[name] = _Snapshot(name, namespace)

    def changed(self) -> list[str]:
        """The watched modules whose names or values are no longer those fingerprinted."""
        return [snapshot.name for snapshot in self._snapshots.values() if not snapshot.unchanged()]

    def restore(self) -> None:
        """Put back every watched module's fingerprinted names and values, and remove names added."""
        for snapshot in self._snapshots.values():
            snapshot.restore()


class Isolation:
    """Around one computation's own code (vm/run.py): before it, the client's settings at its submit,
    and the fingerprint of the modules its linking imported; after it, whether it changed a module,
    whose names and values are then put back."""

    def __init__(self, fingerprint: Fingerprint, settings: Settings):
        self.fingerprint, self.settings = fingerprint, settings
        self.changed: list[str] = []

    def __enter__(self):
        self.fingerprint.add_new()
        apply(self.settings)

    def __exit__(self, *exc_info):
        self.changed = self.fingerprint.changed()
        if self.changed:
            self.fingerprint.restore()
        else:   # submodules its code imported
            self.fingerprint.add_new()
