"""The statement form, its source map and fork table, and the `pyfora ir` command."""
import subprocess
import sys

from pyfora.compiler.comprehensions import COMPENSATED_SUM
from pyfora.compiler.image import CodeCache, Walker
from pyfora.compiler.program import ProgramImage
from pyfora.compiler.statements import Kind
from pyfora.compiler.tier0 import compile_code_def


def g():
    return 1


def h():
    return 2


def f(a, b):
    return a + b


def combine():
    return f(g(), h())


def dependent(x):
    a = g()
    b = f(a, x)
    c = h()
    return b + c


def looping(n):
    total = 0
    for i in range(n):
        total += g() * i
    return total


def summed(xs):
    return sum(g() * x for x in xs), any(x > 2 for x in xs), "".join(str(x) for x in xs)


def compiled(fn):
    import io
    walker = Walker(io.BytesIO(), ProgramImage(), CodeCache())
    code_def = walker.code_def(fn.__code__, fn.__qualname__, fn.__globals__)
    walker.check(fn, code_def)
    return compile_code_def(code_def)


def test_every_call_is_its_own_statement():
    unit = compiled(combine)
    calls = [s for s in unit.tables.statements.values() if s.kind is Kind.CALL]
    assert [s.text for s in calls] == ["_pf_t1 = g()", "_pf_t2 = h()", "return f(_pf_t1, _pf_t2)"]


def test_source_map_points_at_user_lines():
    unit = compiled(dependent)
    first = dependent.__code__.co_firstlineno
    lines = sorted(s.line for s in unit.tables.statements.values())
    assert lines == [first, first + 1, first + 2, first + 3, first + 4]
    assert all(s.function == "dependent" for s in unit.tables.statements.values())


def test_fork_table_lists_independent_later_calls():
    unit = compiled(combine)
    ids = {s.text: s.id for s in unit.tables.statements.values()}
    forks = unit.tables.forks[ids["_pf_t1 = g()"]]
    assert [c.statement for c in forks] == [ids["_pf_t2 = h()"]]
    assert forks[0].operands == frozenset({"h"})


def test_fork_table_skips_dependent_calls():
    unit = compiled(dependent)
    ids = {s.text: s.id for s in unit.tables.statements.values()}
    forks = unit.tables.forks[ids["a = g()"]]
    assert [c.statement for c in forks] == [ids["c = h()"]]


def test_loop_iterator_is_a_named_local():
    unit = compiled(looping)
    texts = [s.text for s in unit.tables.statements.values()]
    assert any(t.startswith("_pf_it") and "_pf_iter(" in t for t in texts)
    assert any(t.startswith("for i in _pf_it") for t in texts)


def test_reductions_of_generators_run_in_the_frame_or_in_c():
    """`sum` of a generator that calls user code is a loop of this frame's statements; a generator
    that calls none stays CPython's, consumed by the C builtin."""
    unit = compiled(summed)
    texts = [s.text for s in unit.tables.statements.values()]
    assert not any("_pf_sum(" in t for t in texts)
    assert any(t.startswith("for _pf_t") for t in texts)
    if COMPENSATED_SUM:   # 3.12+: each item goes through CPython's compensated summation step
        assert any(" = _pf_sum_add(_pf_t" in t for t in texts)
    else:
        assert any(t.startswith("_pf_t") and " = _pf_t" in t and " + _pf_t" in t for t in texts)
    assert any("any((x > 2 for x in xs))" in t for t in texts)
    assert any("''.join((str(x) for x in xs))" in t for t in texts)


def test_line_numbers_of_compiled_code_are_statement_ids():
    unit = compiled(dependent)
    code_lines = {line for _, _, line in unit.code.co_lines() if line is not None}
    assert code_lines <= set(unit.tables.statements)


def test_ir_command_prints_statement_form_and_tables(tmp_path):
    (tmp_path / "mod.py").write_text("def g(x):\n    return x\n\ndef f(x):\n    return g(x) + g(x + 1)\n")
    out = subprocess.run([sys.executable, "-m", "pyfora", "ir", "mod:f"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "_pf_t1 = g(x)" in out.stdout and "# line 5" in out.stdout
    assert "fork table:" in out.stdout and "fork" in out.stdout.split("fork table:")[1]
