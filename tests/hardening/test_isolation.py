"""Every computation starts from the client's state at submit: the client's process-wide settings
travel with it (vm/settings.py), and what one computation does to a module or to builtins does not
reach a later one on the same worker (vm/isolation.py). Each result is compared with CPython running
the same function here, under the same settings."""
import collections
import decimal
import math
import subprocess
import sys
import time
import types
import warnings

import numpy as np
import pytest

import pyfora
from pyfora.vm.isolation import Fingerprint

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(autouse=True)
def client_settings():
    """Put back every setting a test changes in this process."""
    errors, printing, digits = np.geterr(), np.get_printoptions(), sys.get_int_max_str_digits()
    with warnings.catch_warnings():
        yield
    np.seterr(**errors)
    np.set_printoptions(**printing)
    sys.set_int_max_str_digits(digits)


def outcome(fn, *args):
    """What `fn(*args)` gives: ("value", v) or ("raised", type, message)."""
    try:
        return "value", fn(*args)
    except Exception as exc:
        return "raised", type(exc), str(exc)


def outcome_in_vm(executor, fn, *args):
    try:
        return "value", executor.submit(fn, *args).result(timeout=30)
    except Exception as exc:
        return "raised", type(exc), str(exc)


def attempt(executor, fn):
    """Run a computation that changes its worker's process by a route the compiler allowed when this
    test was written; whether it runs or is refused by now, what runs after it must be right."""
    try:
        executor.submit(fn).result(timeout=30)
    except pyfora.PythonToForaConversionError:
        pass


# ## Changes a computation makes do not reach the next

def numpy_errors_raise():
    getattr(np, "seterr")(all="raise")
    return 1


def numpy_print_precision():
    getattr(np, "set_printoptions")(precision=2)
    return 1


def divide_by_zeros():
    return (1.0 / np.zeros(1)).tolist()


def third():
    return str(np.array([1 / 3]))


def test_numpy_seterr_in_a_computation_does_not_reach_the_next(executor):
    with np.errstate(divide="ignore"):
        expected = outcome(divide_by_zeros)
        attempt(executor, numpy_errors_raise)
        assert outcome_in_vm(executor, divide_by_zeros) == expected == ("value", [math.inf])


def test_numpy_print_options_of_a_computation_do_not_reach_the_next(executor):
    attempt(executor, numpy_print_precision)
    assert outcome_in_vm(executor, third) == outcome(third) == ("value", "[0.33333333]")


def set_pi():
    getattr(vars(math), "__setitem__")("pi", 3.0)
    return 1


def area(r):
    return math.pi * r * r


def test_a_module_attribute_written_by_a_computation_does_not_reach_the_next(executor):
    attempt(executor, set_pi)
    assert executor.submit(area, 2.0).result(timeout=30) == area(2.0) == 4 * math.pi


def answer(x):
    return 0


def replace_len():
    getattr(vars(getattr(len, "__self__")), "__setitem__")("len", answer)
    return "replaced"


def count(xs):
    return len(xs)


def test_a_builtin_replaced_by_a_computation_does_not_break_the_worker_for_the_next(executor):
    """Sending a reply looks up `len` in builtins: the next future used never to settle."""
    first = executor.submit(replace_len)
    try:
        assert first.result(timeout=30) == "replaced"
    except pyfora.PythonToForaConversionError:
        pass
    assert executor.submit(count, [1, 2, 3]).result(timeout=30) == count([1, 2, 3]) == 3


def worker_pids(executor) -> list:
    return [worker.process.pid for worker in executor._pool.workers]


_LIBRARY_THAT_WRITES_ITS_MODULE = """
import math
_hypot = math.hypot


def hypot(*coordinates):
    math.tau = 1.0
    return _hypot(*coordinates)


math.hypot = hypot
"""


def hypotenuse(a, b):
    return math.hypot(a, b)


def full_turn():
    return math.tau


def test_a_worker_whose_computation_changed_a_module_is_replaced(tmp_path, monkeypatch):
    """A route nobody refuses: a library function that writes its own module (here `math.hypot`,
    patched in the workers by a sitecustomize module on their PYTHONPATH, as a stand-in)."""
    (tmp_path / "sitecustomize.py").write_text(_LIBRARY_THAT_WRITES_ITS_MODULE)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    with pyfora.connect(workers=1) as executor:
        assert executor.submit(count, "ab").result(timeout=30) == 2
        first = worker_pids(executor)
        assert executor.submit(hypotenuse, 3.0, 4.0).result(timeout=30) == 5.0
        assert executor.submit(full_turn).result(timeout=30) == full_turn() == 2 * math.pi
        assert worker_pids(executor) != first


def masked_sum():
    return int(np.ma.masked_array([1, 2, 4], mask=[0, 1, 0]).sum())


def test_a_worker_whose_computations_change_no_module_is_kept():
    """Reading `np.ma` the first time imports it into numpy: the import system's doing, not a change."""
    with pyfora.connect(workers=1) as executor:
        assert executor.submit(divide_by_zeros).result(timeout=30) == [math.inf]
        first = worker_pids(executor)
        assert executor.submit(masked_sum).result(timeout=30) == masked_sum() == 5
        assert executor.submit(count, "ab").result(timeout=30) == 2
        assert worker_pids(executor) == first


def test_the_fingerprint_sees_a_module_changed_and_puts_it_back():
    fingerprint = Fingerprint()
    pi = math.pi
    vars(math)["pi"] = 3.0
    vars(math)["tau_of_mine"] = 6.0
    try:
        assert fingerprint.changed() == ["math"]
    finally:
        fingerprint.restore()
    assert math.pi is pi and not hasattr(math, "tau_of_mine") and fingerprint.changed() == []


def test_the_fingerprint_takes_a_submodule_the_import_system_adds():
    """numpy imports `numpy.ma` when `np.ma` is first read, in the middle of a computation."""
    fingerprint = Fingerprint()
    name = "collections.fingerprint_test_module"
    sys.modules[name] = types.ModuleType(name)
    vars(collections)["fingerprint_test_module"] = sys.modules[name]
    try:
        assert fingerprint.changed() == []
        fingerprint.add_new()
        vars(sys.modules[name])["x"] = 1
        assert fingerprint.changed() == [name]
    finally:
        del vars(collections)["fingerprint_test_module"], sys.modules[name]


# ## The client's settings reach the computation

def log_of_zeros():
    return np.log(np.zeros(1)).tolist()


def test_client_numpy_divide_raise_raises_in_the_worker(executor):
    np.seterr(divide="raise")
    expected = outcome(divide_by_zeros)
    assert expected[:2] == ("raised", FloatingPointError)
    assert outcome_in_vm(executor, divide_by_zeros) == expected


def test_client_numpy_divide_ignore_does_not_warn_in_the_worker(executor):
    warnings.simplefilter("error")
    np.seterr(divide="ignore")
    assert outcome_in_vm(executor, log_of_zeros) == outcome(log_of_zeros) == ("value", [-math.inf])
    np.seterr(divide="warn")
    expected = outcome(log_of_zeros)
    assert expected[:2] == ("raised", RuntimeWarning)
    assert outcome_in_vm(executor, log_of_zeros) == expected


def test_client_numpy_settings_apply_where_the_worker_imports_numpy_later():
    """A worker imports numpy when it links the first program that uses it: the settings hold there."""
    np.seterr(divide="raise")
    with pyfora.connect(workers=1) as executor:
        assert executor.submit(count, [1]).result(timeout=30) == 1
        assert outcome_in_vm(executor, divide_by_zeros) == outcome(divide_by_zeros)


def test_client_numpy_print_options_reach_the_worker(executor):
    np.set_printoptions(precision=3)
    assert outcome_in_vm(executor, third) == outcome(third) == ("value", "[0.333]")


class UserWarningOfMine(UserWarning):
    pass


def test_client_warnings_error_filter_raises_in_the_worker(executor):
    """A filter on a category of the user's cannot match a warning raised in the VM: it stays here."""
    warnings.simplefilter("error")
    warnings.filterwarnings("ignore", category=UserWarningOfMine)
    expected = outcome(log_of_zeros)
    assert expected == ("raised", RuntimeWarning, "divide by zero encountered in log")
    assert outcome_in_vm(executor, log_of_zeros) == expected


def digits(n):
    return len(str(10 ** n))


def test_client_int_max_str_digits_raised_reaches_the_worker(executor):
    sys.set_int_max_str_digits(100_000)
    assert executor.submit(digits, 5000).result(timeout=30) == digits(5000) == 5001


def test_client_int_max_str_digits_lowered_reaches_the_worker(executor):
    sys.set_int_max_str_digits(640)
    expected = outcome(digits, 1000)
    assert expected[:2] == ("raised", ValueError)
    assert outcome_in_vm(executor, digits, 1000) == expected


def decimal_quotient(a, b):
    return a / b


def decimal_sum(xs):
    total = decimal.Decimal(0)
    for x in xs:
        total += x
    return total, total / 3


def decimal_context_read():
    return decimal.getcontext().prec


def decimal_context_changed():
    decimal.setcontext(decimal.BasicContext)
    return decimal.Decimal(1) / decimal.Decimal(7)


@pytest.fixture
def client_decimal_context():
    """Put back this thread's decimal context after a test that changes it."""
    saved = decimal.getcontext().copy()
    yield
    decimal.setcontext(saved)


@pytest.mark.usefixtures("client_decimal_context")
def test_client_decimal_context_reaches_the_worker(executor):
    """Precision and rounding of the client's context at submit, and its traps, apply in the worker; each
    submit's own, on the same worker."""
    context = decimal.getcontext()
    context.prec, context.rounding = 5, decimal.ROUND_DOWN
    assert outcome_in_vm(executor, decimal_quotient, decimal.Decimal(2), decimal.Decimal(3)) == \
        outcome(decimal_quotient, decimal.Decimal(2), decimal.Decimal(3)) == ("value", decimal.Decimal("0.66666"))
    context.traps[decimal.DivisionByZero] = False
    assert outcome_in_vm(executor, decimal_quotient, decimal.Decimal(1), decimal.Decimal(0)) == \
        ("value", decimal.Decimal("Infinity"))
    decimal.setcontext(decimal.Context())
    expected = outcome(decimal_sum, [decimal.Decimal("0.1")] * 7)
    assert outcome_in_vm(executor, decimal_sum, [decimal.Decimal("0.1")] * 7) == expected
    assert expected[1][1] == decimal.Decimal("0.2333333333333333333333333333")
    assert outcome_in_vm(executor, decimal_quotient, decimal.Decimal(1), decimal.Decimal(0))[:2] == \
        ("raised", decimal.DivisionByZero)


@pytest.mark.parametrize("fn, name", [(decimal_context_read, "decimal.getcontext"),
                                      (decimal_context_changed, "decimal.BasicContext")])
def test_a_computation_cannot_read_or_change_the_decimal_context(executor, fn, name):
    with pytest.raises(pyfora.PythonToForaConversionError, match=f"`{name}` is the decimal context"):
        executor.submit(fn).result(timeout=30)


def digits_after(n, k):
    total = 0
    for i in range(k):
        total += i % 7
    return len(str(10 ** n)), total


@pytest.mark.timeout(120)
def test_a_resumed_computation_keeps_the_settings_of_its_submit():
    sys.set_int_max_str_digits(100_000)
    with pyfora.connect(workers=1) as first, pyfora.connect(workers=1) as second:
        future = first.submit(digits_after, 5000, 3 * 10 ** 7)
        while not future.running():
            time.sleep(0.01)
        time.sleep(0.2)
        suspension = first._pool.suspend(future, timeout=60)
        sys.set_int_max_str_digits(4300)
        second._pool.resume(suspension)
        assert future.result(timeout=60) == (5001, (3 * 10 ** 7 // 7) * 21 + sum(range(3 * 10 ** 7 % 7)))
        assert future.metrics.suspensions == 1


def test_a_submit_imports_neither_numpy_nor_decimal_into_the_client(tmp_path):
    script = tmp_path / "client.py"
    script.write_text("import sys, pyfora\n"
                      "def double(x):\n"
                      "    return 2 * x\n"
                      "with pyfora.connect(workers=1) as executor:\n"
                      "    assert executor.submit(double, 21).result() == 42\n"
                      "print(sorted(m for m in ('numpy', 'decimal') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=50)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[]\n"
