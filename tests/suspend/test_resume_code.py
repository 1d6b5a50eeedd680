"""Resume code rebuilt from the statement form: after a suspension, exactly CPython's run.

Each program is suspended after each count of statements in a schedule, its continuation
round-tripped through bytes and resumed; value, exception (type and message) and printed output
must be CPython's, and where it matters the number of suspensions is checked too.
"""
import ast

import pytest

from test_suspend import cpython, suspending_run

from pyfora.compiler.anf import to_statement_form


SCHEDULES = [[0], [1], [2], [3], [7], [1] * 300, [3] * 100, [2, 40, 1, 100]]


def say(tag, value):
    print(tag)
    return value


def steps(n):
    """A few statements of a callee to suspend in."""
    total = 0
    for i in range(n):
        total += i
    return total


def run_like_cpython(fn, args, points) -> int:
    """Run `fn(*args)` suspending at `points`; assert it is CPython's run; the suspensions."""
    expected, expected_out = cpython(fn, args)
    result, out, suspensions = suspending_run(fn, args, points)
    assert result == expected
    assert out == expected_out
    return suspensions


# ## Locals unbound at the suspension stay locals

def deleted_then_read():
    x = 1
    del x
    return x


def loop_variable_after_empty_loop():
    for q in []:
        pass
    steps(3)
    return q


def cleared_exception_variable():
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("caught", type(e).__name__)
    steps(3)
    return e


def assigned_later():
    steps(3)
    if say("read", False):
        y = 1
    return y


def deleted_parameter(p):
    del p
    steps(3)
    return p


@pytest.mark.parametrize("points", SCHEDULES)
@pytest.mark.parametrize("fn,args", [(deleted_then_read, ()), (loop_variable_after_empty_loop, ()),
                                     (cleared_exception_variable, ()), (assigned_later, ()),
                                     (deleted_parameter, (5,))],
                         ids=lambda v: getattr(v, "__name__", ""))
def test_unbound_local_raises_unbound_local_error(fn, args, points):
    run_like_cpython(fn, args, points)


def test_unbound_local_after_del_suspends():
    assert run_like_cpython(deleted_then_read, (), [2]) == 1


# ## Chained comparisons keep their temporaries

def chained_calls():
    return say("a", 1) < say("b", 2) < say("c", 3)


def chained_short_circuit():
    return say("a", 2) < say("b", 1) < say("c", 3)


@pytest.mark.parametrize("points", SCHEDULES + [[k] for k in range(4, 12)])
@pytest.mark.parametrize("fn", [chained_calls, chained_short_circuit], ids=lambda f: f.__name__)
def test_chained_comparison_resumes_with_its_operands(fn, points):
    run_like_cpython(fn, (), points)


def test_chained_comparison_suspends_between_calls():
    assert run_like_cpython(chained_calls, (), [7]) == 1


def test_statement_form_shares_no_node():
    """A node in two statements would carry the later one's id as its line into the earlier."""
    fn = ast.parse("def f(a, b, c, d):\n    return a() < b() < c() < d()\n").body[0]
    nodes = [n for n in ast.walk(to_statement_form(fn)) if "lineno" in n._attributes]
    assert len({id(n) for n in nodes}) == len(nodes)


# ## Resuming inside a try body

def try_body_call_returns():
    try:
        steps(3)
    except ZeroDivisionError:
        return "caught"
    return "fine"


def try_body_call_then_else_finally():
    try:
        steps(3)
    except ZeroDivisionError:
        print("caught")
    else:
        print("else")
    finally:
        print("finally")
    return "done"


def try_body_call_raises():
    try:
        1 / steps(1)
    except ZeroDivisionError:
        return "caught"
    return "fine"


@pytest.mark.parametrize("points", SCHEDULES)
@pytest.mark.parametrize("fn", [try_body_call_returns, try_body_call_then_else_finally, try_body_call_raises],
                         ids=lambda f: f.__name__)
def test_try_body_resumes_after_its_last_call(fn, points):
    run_like_cpython(fn, (), points)


def test_try_body_suspends_in_callee():
    assert run_like_cpython(try_body_call_returns, (), [2]) >= 1


# ## Generators

def inner_catching():
    try:
        v = yield "a"
        print("got", v)
    except KeyError:
        yield "k"


def outer_delegating():
    yield from inner_catching()


def delegation_throw():
    g = outer_delegating()
    return [next(g), g.throw(KeyError("k"))]


@pytest.mark.parametrize("points", [[10], [1] * 100, [3] * 100])
def test_yield_from_throw_resumes_delegate(points):
    """The delegate is paused in a handler, where it cannot be rebuilt: no suspension while it is held."""
    run_like_cpython(delegation_throw, (), points)


def walrus_in_genexpr():
    total = 0
    g = (total := total + abs(v) for v in [1, -2, 3])
    return list(g), total


def walrus_in_yield():
    def gen():
        n = 0
        while n < 4:
            yield (n := n + abs(-1))
    return list(gen())


class Loud:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        print("add", self.v, other)
        return self.v + other


def operator_in_yield():
    def gen(xs):
        for x in xs:
            yield Loud(x) + 1
    out = []
    for v in gen([1, 2, 3]):
        print("got", v)
        out.append(v)
    return out


@pytest.mark.parametrize("points", SCHEDULES + [[16], [12], [20]])
@pytest.mark.parametrize("fn", [walrus_in_genexpr, walrus_in_yield, operator_in_yield], ids=lambda f: f.__name__)
def test_yield_operand_runs_once(fn, points):
    """A yield's operand (a walrus, a user's `__add__`) runs once, however often the generator is rebuilt."""
    run_like_cpython(fn, (), points)


def test_walrus_in_genexpr_suspends_paused_generator():
    assert run_like_cpython(walrus_in_genexpr, (), [16]) == 1


def genexpr_after_and():
    r = steps(50)
    s = "ab"
    ok = r > 0 and all(len(set(s[c::2])) == 1 for c in range(2))
    return r, ok


def test_frame_holding_genexpr_def_suspends():
    """The frame is no generator though a nested genexpr def sits in one of its `if`s."""
    assert run_like_cpython(genexpr_after_and, (), [0]) == 1
    assert run_like_cpython(genexpr_after_and, (), [1] * 30) == 30
