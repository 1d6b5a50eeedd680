"""Mutation checks in tier-0 code: the inline first test and the pass that drops repeated checks."""
import ast

from pyfora.compiler import linker
from pyfora.compiler.image import CodeCache, Walker
from pyfora.compiler.ownership import annotate_ownership
from pyfora.compiler.program import ProgramImage
from pyfora.compiler.tier0 import compile_code_def


def advance(vs, dt):
    for v in vs:
        v[0] -= dt
        v[1] -= dt
        v[2] -= dt


def rebound(a, b):
    a[0] = 1
    a = b
    a[0] = 2


def shared(a, b):
    def swap():
        nonlocal a
        a = b
    a[0] = 1
    swap()
    a[0] = 2


def compiled_checks(fn) -> list[str]:
    """What the mutation checks in `fn`'s compiled statement form say they check, sorted."""
    import io
    walker = Walker(io.BytesIO(), ProgramImage(), CodeCache())
    code_def = walker.code_def(fn.__code__, fn.__qualname__, fn.__globals__)
    walker.check(fn, code_def)
    unit = compile_code_def(code_def, annotate=lambda node: annotate_ownership(node, code_def))
    calls = [n for n in ast.walk(unit.ir) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "_pf_mut"]
    return sorted(c.args[1].value.split("\x00")[2] for c in calls)


def test_plain_types_pass_the_first_test_of_check_mutation():
    for cls in linker._PLAIN:
        assert not issubclass(cls, type) and cls.__name__ not in linker._ARRAY_TYPES, cls


def test_namespace_holds_the_foreign_set_itself():
    namespace = linker.new_namespace("m")
    assert namespace["_pf_foreign"] is linker.FOREIGN
    linker.mark_foreign([[1]])
    linker.forget_foreign()
    assert namespace["_pf_foreign"] is linker.FOREIGN


def test_one_check_per_object_in_a_block():
    assert compiled_checks(advance) == ["`v[0] -= ...`", "`v[1] -= ...`", "`v[2] -= ...`",
                                        "augmented item assignment on `v`"]


def test_a_rebound_name_is_checked_again():
    assert compiled_checks(rebound) == ["item assignment on `a`"] * 2


def test_a_name_a_nested_scope_may_rebind_is_checked_each_time():
    assert compiled_checks(shared) == ["item assignment on `a`"] * 2
