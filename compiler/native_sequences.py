"""Inference of what loops go over and of the lists native code changes: `while` and `for` over
ranges, arrays, lists, lists of tuples (taken apart), `enumerate` and `zip`; items stored into lists
and numpy arrays; lists appended to, made (`x = []`) and bound to other names. A mixin of
native_types.Inference.

A list native code may change is followed to the locals it was entered with (`Typed.roots`, and
`Typed.written` of those it changes): the VM refuses to enter with one from outside the computation
(compiler/native_lists.py). A list native code grows has one name (and the statement form's
temporary for `x.append(...)`): no alias, iterator or row of it.
"""
import ast

from .astutil import ITER_BUILTIN, TEMP
from .native_values import (ARRAYS, ITERATOR_OF, ITERATORS, LISTS, LOOPED, NUMPY_ARRAYS, ComboIterType, NotCompilable,
                            NType, RecordsIterType, RecordsType, base, combo_of, row)

_GROWABLE = {NType.INT: NType.INT_LIST, NType.FLOAT: NType.FLOAT_LIST, NType.BOOL: NType.BOOL_LIST}
"""The list a number of each kind is appended to."""


class SequenceInference:
    """The loop and list handlers of native_types.Inference (it gives `typed`, `expr`, `bind`...)."""

    def _append(self, s: ast.Expr) -> bool:
        """`x.append(v)` of a number to a list local, which native code then holds growing (a buffer of
        its own, native_engine): whether `s` is one (typed here)."""
        call = s.value
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "append"
                and isinstance(call.func.value, ast.Name) and len(call.args) == 1 and not call.keywords):
            return False
        name = self._sources.get(call.func.value.id, call.func.value.id)
        held = self.typed.locals.get(name)
        if held is not None and held not in _GROWABLE.values():
            return False
        if not self.leaving:
            raise NotCompilable("a list appended to by a called function", self.statement)
        t = self.expr(call.args[0])
        if t is None:
            return True
        if t not in _GROWABLE or held is not None and held is not _GROWABLE[t]:
            raise NotCompilable(f"a {t.value} appended to {'a list' if held is None else 'a ' + held.value}",
                                self.statement)
        self.bind(name, _GROWABLE[t])
        self._grow(name)
        self.typed.appends[id(s)] = name
        self._write(ast.Name(id=name, ctx=ast.Load()))
        return True

    def _grow(self, name: str):
        if name not in self.typed.growing:
            self.typed.growing.add(name)
            self.changed = True

    def _check_growing(self):
        """A list native code makes or appends to has one place: no other local, iterator or row is it,
        and one it was entered with is never replaced by a new one."""
        for name in self.typed.growing:
            if name not in self.typed.locals:
                raise NotCompilable(f"`{name}`, a list of no known kind (nothing appended to it)", self.statement)
            if any(name in roots and other != name for other, roots in self.typed.roots.items()) \
                    or self.typed.roots.get(name, frozenset({name})) != frozenset({name}) \
                    or name in self.typed.iterated.values():
                raise NotCompilable(f"the list `{name}` appended to under another name too", self.statement)
        made = {n for n in self.typed.growing if n in self._made}
        if made & self.entered:
            raise NotCompilable("a list entered with replaced by a new one in native code", self.statement)

    def _store_item(self, target: ast.Subscript, value: ast.expr):
        """`lst[i] = value` (or `table[i][j] = value`) into a list native code holds: of the list's own
        kind of number only (another would change what the list holds); `a[i] = value` (`m[i, j]`) into
        a numpy array, in place: of its kind, or an int or bool into float64 (numpy converts them as
        native code does). In the frame native code enters only (a callee changes nothing:
        compiler/native_lists.py writes back the entered piece's lists)."""
        t = self.expr(value)
        array = self.expr(target.value)
        if array not in LISTS and array not in NUMPY_ARRAYS:
            raise NotCompilable(f"an item stored into {'a value' if array is None else array.value}", self.statement)
        if not self.leaving:
            raise NotCompilable("an item stored into a list or array by a called function", self.statement)
        element = self.expr(target)
        if element in ARRAYS:
            raise NotCompilable("a row of an array stored into", self.statement)
        converted = array in NUMPY_ARRAYS and element is NType.NP_FLOAT and t in (NType.INT, NType.BOOL)
        if t is not None and base(element) is not base(t) and not converted:
            raise NotCompilable(f"a {t.value} stored into a {array.value}", self.statement)
        self._write(target.value)

    def _write(self, node: ast.expr):
        """The lists `node` may be are written (or checked for writing) in native code."""
        roots = self._roots(node)
        if not roots <= self.typed.written:
            self.typed.written |= roots
            self.changed = True

    def _roots(self, node: ast.expr) -> frozenset:
        """The locals entered with whose lists (or their rows) `node`, a list expression, may be."""
        while isinstance(node, ast.Subscript):
            node = node.value
        if not isinstance(node, ast.Name):
            raise NotCompilable("a list other than a local's or its row", self.statement)
        return self.typed.roots.get(node.id, frozenset({node.id}) if node.id in self.entered else frozenset())

    def _bind_list(self, name: str, value: ast.expr):
        """`name = other` or `name = table[i]`: the same list object (a view of the same numbers)."""
        source = value
        while isinstance(source, ast.Subscript):
            source = source.value
        if name.startswith(TEMP) and isinstance(value, ast.Name):
            self._sources[name] = value.id
            if value.id in self.typed.growing:
                self.typed.aliases[name] = value.id     # the statement form's receiver of `x.append(...)`
                self.typed.roots.pop(name, None)
                return
        if name in self.typed.growing or isinstance(source, ast.Name) and source.id in self.typed.growing:
            raise NotCompilable("a list appended to bound to another name", self.statement)
        self._add_roots(name, self._roots(value) | (frozenset({name}) if name in self.entered else frozenset()))

    def _add_roots(self, name: str, roots: frozenset):
        """`name` may also be one of the lists (or rows) of the locals `roots`."""
        if not roots <= self.typed.roots.get(name, frozenset()):
            self.typed.roots[name] = self.typed.roots.get(name, frozenset()) | roots
            self.changed = True

    def _combo_iterator(self, value: ast.expr) -> ComboIterType | None:
        """The type of `_pf_iter(enumerate(a))` or `_pf_iter(zip(a, range(n)))` (of 1-D array and list
        locals, ranges, and such calls), made here; None where `value` is no such call."""
        if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == ITER_BUILTIN
                and len(value.args) == 1):
            return None
        return self._combo_call(value.args[0])

    def _combo_call(self, call: ast.expr) -> ComboIterType | None:
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and not call.keywords
                and self.resolve(call.func) in (enumerate, zip)):
            return None
        kind = self.resolve(call.func).__name__
        sources = call.args[:1] if kind == "enumerate" else call.args
        if kind == "enumerate" and not 1 <= len(call.args) <= 2 or not sources:
            raise NotCompilable(f"`{kind}` of other than iterables native code goes over", self.statement)
        if kind == "enumerate" and len(call.args) == 2 and self.expr(call.args[1]) not in (NType.INT, NType.BOOL):
            raise NotCompilable("`enumerate` counting from other than an int", self.statement)
        parts = []
        for source in sources:
            if isinstance(source, ast.Call) and self._range_call(source):
                parts.append(NType.RANGE)
            elif self._combo_call(source) is not None:
                parts.append(self._combo_call(source))
            elif isinstance(source, ast.Name) and source.id in self.typed.growing:
                raise NotCompilable("a list appended to gone over by an enumerate or zip", self.statement)
            elif isinstance(source, ast.Name) and self.expr(source) in ITERATOR_OF:
                parts.append(ITERATOR_OF[self.typed.locals[source.id]])
            else:
                raise NotCompilable(f"`{kind}` of other than ranges, 1-D arrays and lists", self.statement)
        return combo_of(kind, tuple(parts))

    def _bind_combo(self, target: ast.expr, t: ComboIterType):
        """Bind a `for` target to an item of an enumerate or zip: (count, item) or one item per part."""
        elements = ([NType.INT] if t.kind == "enumerate" else []) + [
            NType.INT if p is NType.RANGE else p if isinstance(p, ComboIterType) else row(ITERATORS[p])
            for p in t.parts]
        if not isinstance(target, (ast.Tuple, ast.List)) or len(target.elts) != len(elements):
            raise NotCompilable(f"an item of a {t.value} taken apart other than one name per part", self.statement)
        for element_target, element in zip(target.elts, elements):
            if isinstance(element, ComboIterType):
                self._bind_combo(element_target, element)
            elif isinstance(element_target, ast.Name):
                self.bind(element_target.id, element)
            else:
                raise NotCompilable(f"a number of a {t.value} taken apart", self.statement)

    def _array_iterator(self, value: ast.expr) -> NType | None:
        """The type of the 1-D array local `value` iterates over, if it is `_pf_iter(a)` of one."""
        if (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == ITER_BUILTIN
                and len(value.args) == 1 and isinstance(value.args[0], ast.Name)):
            t = self.typed.locals.get(value.args[0].id)
            return t if t in ITERATOR_OF or isinstance(t, RecordsType) else None
        return None

    def stmt_While(self, s: ast.While):
        if s.orelse:
            raise NotCompilable("`while ... else`", s.lineno)
        self.condition(s.test)
        self.loop(s)

    def loop(self, s: ast.While | ast.For):
        user = s.lineno > 1     # not the VM's own one-pass loop (resume code's rest of an iteration)
        self.loops += user
        self.looped |= user
        try:
            self.block(s.body)
        except NotCompilable as why:
            why.in_loop |= user
            raise
        finally:
            self.loops -= user

    def stmt_For(self, s: ast.For):
        if s.orelse or not isinstance(s.iter, ast.Name):
            raise NotCompilable("a `for` other than over a named iterator", s.lineno)
        over = self.typed.locals.get(s.iter.id)
        if isinstance(over, ComboIterType):
            self._bind_combo(s.target, over)
            self.loop(s)
            return
        if isinstance(over, RecordsIterType):     # `for ([x, y, z], v, m) in bodies`: each item taken apart
            source = ast.Name(id=self.typed.iterated.get(s.iter.id, s.iter.id), ctx=ast.Load())   # or entered with
            self._take_apart(s.target, over.records.shape, self._roots(source))
            self.loop(s)
            return
        if not isinstance(s.target, ast.Name):
            raise NotCompilable("a `for` into other than a name", s.lineno)
        if over not in LOOPED:
            raise NotCompilable("a `for` over something other than a range or a 1-D array", s.lineno)
        self.bind(s.target.id, NType.INT if over is NType.RANGE else row(ITERATORS[over]))
        self.loop(s)

    def _take_apart(self, target: ast.expr, part, roots: frozenset):
        """Bind the names of `target` to the leaves of a record's `part` (a shape, or a leaf's type): a
        list to a name (one of the lists of `roots`'), or taken apart into one name per number."""
        if isinstance(target, ast.Name):
            if isinstance(part, tuple):
                raise NotCompilable("a tuple holding lists bound to a name", self.statement)
            if part in LISTS:
                self._add_roots(target.id, roots)
            self.bind(target.id, part)
            return
        if not isinstance(target, (ast.Tuple, ast.List)) or any(isinstance(e, ast.Starred) for e in target.elts):
            raise NotCompilable("a `for` target other than names in tuples and lists", self.statement)
        if isinstance(part, tuple):
            if len(target.elts) != len(part):
                raise NotCompilable("a tuple taken apart into another number of names", self.statement)
            for element, inner in zip(target.elts, part):
                self._take_apart(element, inner, roots)
        elif part in LISTS and all(isinstance(e, ast.Name) for e in target.elts):
            for element in target.elts:     # its length is checked where it is taken apart
                self.bind(element.id, row(part))
        else:
            raise NotCompilable(f"a {part.value} taken apart", self.statement)
