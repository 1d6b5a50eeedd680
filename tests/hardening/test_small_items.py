"""Issue 7, smaller items: a container stored into itself; results, arguments and exceptions a million
deep. Each is compared with CPython running the same function here."""
import pytest

from pyfora import PythonToForaConversionError

pytestmark = pytest.mark.timeout(120)


# ## A container stored into itself: the frame's own value, as CPython runs it

def dict_into_itself():
    d = {}
    d["me"] = d
    return d


def list_item_into_itself():
    s = [1]
    s[0] = s
    return s


def list_appended_to_itself():
    a = []
    a.append(a)
    return a


def dict_setdefault_itself():
    d = {}
    d.setdefault("k", d)
    return d


def dict_updated_with_itself():
    d = {}
    d.update(me=d)
    return d


def nested_item_into_itself():
    d = {"inner": {}}
    d["inner"]["up"] = d
    return d


@pytest.mark.parametrize("fn, key", [(dict_into_itself, "me"), (list_item_into_itself, 0),
                                     (list_appended_to_itself, 0), (dict_setdefault_itself, "k"),
                                     (dict_updated_with_itself, "me")])
def test_a_container_stored_into_itself_runs_and_its_cycle_comes_back(executor, fn, key):
    expected = fn()
    got = executor.submit(fn).result()
    assert repr(got) == repr(expected)
    assert got[key] is got and expected[key] is expected


def test_a_container_stored_into_an_item_of_itself_runs(executor):
    got = executor.submit(nested_item_into_itself).result()
    assert repr(got) == repr(nested_item_into_itself())
    assert got["inner"]["up"] is got


def stored_then_mutated_by_item():
    d = {}
    d["me"] = d
    d["x"] = 1
    return d


def stored_then_mutated_by_method():
    d = {}
    d.update(me=d)
    d.update(x=1)
    return d


def test_a_container_stored_into_itself_is_then_treated_alike_by_both_forms(executor):
    outcomes = []
    for fn in (stored_then_mutated_by_item, stored_then_mutated_by_method):
        try:
            outcomes.append(repr(executor.submit(fn).result()))
        except PythonToForaConversionError:
            outcomes.append("refused")
    assert outcomes[0] == outcomes[1]


# ## A million deep: results, arguments and exceptions

MILLION = 1_000_000


def nested_lists(n):
    x = None
    for _ in range(n):
        x = [x]
    return x


def nested_mixed(n):
    x = None
    for i in range(n):
        if i % 3 == 0:
            x = [x]
        elif i % 3 == 1:
            x = {"k": x}
        else:
            x = (x, i)
    return x


def raise_nested(n):
    x = None
    for _ in range(n):
        x = [x]
    raise ValueError(x)


def depth_of(x):
    n = 0
    while x is not None:
        x = x[0]
        n += 1
    return n


def _step(x):
    return x["k"] if type(x) is dict else x[0]


def assert_same_chain(got, expected):
    """Walk both to the bottom side by side (== would recurse a million levels)."""
    levels = 0
    while expected is not None:
        assert type(got) is type(expected) and len(got) == len(expected)
        if type(expected) is tuple:
            assert got[1] == expected[1]
        got, expected = _step(got), _step(expected)
        levels += 1
    assert got is None
    return levels


@pytest.mark.parametrize("fn", [nested_lists, nested_mixed])
def test_a_result_a_million_deep_comes_back(executor, fn):
    assert assert_same_chain(executor.submit(fn, MILLION).result(), fn(MILLION)) == MILLION


def test_an_argument_a_million_deep_travels(executor):
    value = nested_lists(MILLION)
    assert executor.submit(depth_of, value).result() == depth_of(value) == MILLION


def test_an_exception_holding_a_value_a_million_deep_comes_back(executor):
    with pytest.raises(ValueError) as got:
        executor.submit(raise_nested, MILLION).result()
    with pytest.raises(ValueError) as expected:
        raise_nested(MILLION)
    assert assert_same_chain(got.value.args[0], expected.value.args[0]) == MILLION
