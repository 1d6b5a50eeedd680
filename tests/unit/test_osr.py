"""On-stack entry (issue 9): a loop that becomes hot inside one long call is compiled while tier 0
goes on, and the frame enters native code at its next iteration with its live locals (vm/jit.py);
the answer is CPython's, where native code finishes the loop and where it leaves again."""
import concurrent.futures
import math
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import pyfora
from pyfora.vm import jit
from test_native import Add, Compose, Multiply, halves, is_prime, loop_sum, oscillate, peak, sum_of

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from jit_programs import nbody  # noqa: E402  (the benchmark's n-body: bodies as tuples of lists)


def mixed(n):
    total = 0.0
    count = 0
    for i in range(1, n):
        total += math.sqrt(i) / i
        if i % 7 == 3:
            count += 1
    return total, count


def lcg_inside(n):
    """The loop ends with an `if`: CPython's jump back may have no line, where the monitor finds it."""
    x = 42
    inside = 0
    for _ in range(n):
        x = (1103515245 * x + 12345) % 2147483648
        if x < 1073741824:
            inside += 1
    return inside


def outgrows(n):
    x = 1
    i = 0
    while i < n:
        i += 1
        if i == n - 10:
            x = 1 << 62
        x = x + 1 if x < (1 << 70) else x
    return x, i


def sum_squares(a):
    s = 0.0
    for x in a:
        s += x * x
    return s


def list_roots(xs):
    s = 0.0
    for x in xs:
        s += math.sqrt(x) * 0.5 + math.sin(x) / (1.0 + x * x) - x % 3.0
    return s


def with_a_dict(n):
    counts = {}
    i = 0
    while i < n:
        counts[i % 3] = counts.get(i % 3, 0) + 1
        i += 1
    return sorted(counts.items())


def helper(n):
    return loop_sum(n) + 1


def primes_below(n):
    found = []          # a list: this loop stays in tier 0, and is_prime, called in it, is what is hot
    for i in range(n):
        if is_prime(i):
            found.append(i)
    return len(found), found[-3:]


def lambda_loop(n):
    return sum_of(n, lambda x: x * 10.0 + 20.0)


def compose_total(n):
    """The guide's Compose loop: instances made in the computation, compiled in."""
    return sum_of(n, Compose(Add(20.0), Multiply(10.0)))


def sine_total(n):
    return sum(math.sin(i) * 0.5 for i in range(n))


def primes_counted(n):
    return sum(is_prime(x) for x in range(n))


def scaled_roots(a, n):
    """The generator reads `a`, a local of the caller's held in a cell."""
    return sum(a * math.sqrt(i) for i in range(n))


def weight(i, j):
    return (i * j) % 7


def pair_weights(n):
    """A generator expression consumed inside an outer loop, reading the outer loop's `i` (a cell)."""
    total = 0
    for i in range(n):
        total += sum(weight(i, j) for j in range(i))
    return total


def bump(i, n):
    return i if i < n - 5 else i << 62


def generator_outgrows(n):
    return sum(bump(i, n) for i in range(n))


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def root_sum(n):
    return halves(0, n, lambda x: x ** 0.5)


def even_tree(n):
    """Mutual recursion: each function on the stack again and again."""
    if n < 2:
        return 1
    return odd_tree(n - 1) + odd_tree(n - 2)


def odd_tree(n):
    if n < 2:
        return n
    return even_tree(n - 1) + even_tree(n - 2) + 1


def cubes(lo, hi):
    """The sum of i ** 3 over [lo, hi): partial sums in the upper half outgrow 64 bits."""
    if hi - lo == 1:
        return lo * lo * lo
    mid = (lo + hi) // 2
    return cubes(lo, mid) + cubes(mid, hi)


def running_means(n, passes):
    """A list made here, each item rewritten from the one before: unboxed, written back at the end."""
    xs = [float(i % 7) for i in range(n)]
    for _ in range(passes):
        for i in range(1, n):
            xs[i] = xs[i - 1] * 0.25 + xs[i] * 0.75
    return xs[-1], xs[n // 2], len(xs), xs.count(0.0)


def edit_distance(a, b):
    """A table of ints, read by row and written by item: `t[i][j] = ...`; `a` and `b` lists of ints
    from outside, only read."""
    n, m = len(a), len(b)
    t = [[0] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        t[0][j] = j
    for i in range(1, n + 1):
        t[i][0] = i
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            t[i][j] = min(t[i - 1][j] + 1, t[i][j - 1] + 1, t[i - 1][j - 1] + cost)
    return t[n][m], t[n // 2][m // 3]


def product_trace(n):
    """Rows bound to locals (`ci = c[i]`) and written through them: one buffer, so `c` sees it."""
    x = 1
    a, b = [], []
    for _ in range(n):
        row_a, row_b = [], []
        for _ in range(n):
            x = (1103515245 * x + 12345) % 2147483648
            row_a.append(x / 2147483648)
            row_b.append(1.0 - x / 2147483648)
        a.append(row_a)
        b.append(row_b)
    c = [[0.0] * n for _ in range(n)]
    for i in range(n):
        ci = c[i]
        for k in range(n):
            aik = a[i][k]
            bk = b[k]
            for j in range(n):
                ci[j] += aik * bk[j]
    return sum(c[i][i] for i in range(n)), c[n - 1][0]


def late_overflow(n):
    """Ints in a list past 64 bits near the end: the items written so far are written back, tier 0
    finishes with the big ints."""
    xs = [0] * n
    for i in range(1, n):
        xs[i] = (xs[i - 1] * 31 + i) % 1000003 if i < n - 5 else xs[i - 1] * 1000003
    return xs[-1], sum(xs) % 1000


def off_the_end(n):
    xs = [0.0] * n
    for i in range(n + 1):
        xs[i] = i * 0.5
    return xs[0]


def first_of(box):
    return box[0]


def late_store(box, n):
    """Writes into a list or array from outside (which only a run can tell) at the last step: native
    code is not entered with one from outside the computation that it may change, and tier 0 refuses
    the store."""
    xs = first_of(box)
    total = 0.0
    for i in range(n):
        total += i * 0.5
        if i == n - 1:
            xs[0] = total
    return total


def enumerated_pairs(n, passes):
    """The enumerate and zip made anew by each pass, in native code after the first ones."""
    xs = [i * 0.5 for i in range(n)]
    ys = [i * 0.25 for i in range(n)]
    s = 0.0
    for _ in range(passes):
        for k, (a, b) in enumerate(zip(xs, ys)):
            s += k * a - b
    return s


def shared_iterator(n):
    """`enumerate(it)` of an iterator the frame goes on with after the loop: native code does not take
    it over (it would go on with a copy)."""
    xs = [i * 0.5 for i in range(n)]
    it = iter(xs)
    s = 0.0
    for k, x in enumerate(it):
        s += math.sin(k * x)
        if k == n - 10:
            break
    return s, sum(it)


def filled_arrays(n):
    """numpy arrays made here, written in place: float64 items (and ints converted), int64 items, a
    2-D array by `m[i, j]` and `m[i][j]`."""
    out = np.empty(n)
    counts = np.zeros(n, dtype=np.int64)
    m = np.zeros((n // 1000, 1000))
    for i in range(n):
        if i % 3:
            out[i] = i * 0.5
        else:
            out[i] = i      # an int stored into float64
        counts[i] = i % 7
    for i in range(n // 1000):
        for j in range(1000):
            m[i, j] = i - j * 0.25
            m[i][j] += 1.0
    return float(out.sum()), int(counts.sum()), float(m.sum()), out[-1], m[3, 7]


def appended(n):
    """A list appended to in a loop entered on the spot: the items it had are kept, the new ones
    added to the same list object (another name for it, `kept`, sees them)."""
    out = [0.25]
    kept = {"out": out}
    for i in range(n):
        out.append(math.sqrt(i) * 0.5)
    return len(kept["out"]), out[-1], out[n // 2], kept["out"][0]


def appended_late(n):
    """Empty where native code would be entered: a list of no known kind, so the loop stays in tier 0."""
    out = []
    for i in range(n):
        if i > n - 5:
            out.append(math.sqrt(i))
    return out


def forever():
    x = 0
    while True:
        x += 1


@pytest.fixture(scope="module")
def ex():
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("PYFORA_JIT_THRESHOLD", raising=False)
        with pyfora.connect(workers=1, jit=True) as executor:
            yield executor


@pytest.mark.timeout(120)
@pytest.mark.parametrize("fn,n", [(loop_sum, 30_000_000), (mixed, 3_000_000), (helper, 30_000_000),
                                  (lambda_loop, 5_000_000), (compose_total, 3_000_000), (lcg_inside, 6_000_000),
                                  (oscillate, 3_000_000)],
                         ids=["while", "for-range-math", "in-a-callee", "calling-a-lambda-made-by-the-caller",
                              "calling-instances", "ending-with-an-if", "tuples-returned-and-unpacked"])
def test_a_long_call_finishes_natively(ex, fn, n):
    started = time.perf_counter()
    future = ex.submit(fn, n)
    assert future.result(timeout=100) == fn(n)
    m = future.metrics
    assert (m.osr_entries, m.native_calls, m.deoptimizations, m.suspensions) == (1, 1, 0, 0), m
    assert time.perf_counter() - started < 30


@pytest.mark.timeout(120)
@pytest.mark.parametrize("fn,args", [(sine_total, (10_000_000,)), (primes_counted, (300_000,)),
                                     (scaled_roots, (1.5, 3_000_000)), (pair_weights, (2_500,)), (peak, (3_000_000,))],
                         ids=["float-sum", "int-sum-calling-a-function", "reading-a-cell", "inside-an-outer-loop",
                              "max"])
def test_a_generator_expression_consumed_by_a_reduction_is_fused_and_finishes_natively(ex, fn, args):
    future = ex.submit(fn, *args)
    assert future.result(timeout=100) == fn(*args)
    m = future.metrics
    # A function the generator calls (is_prime) may be entered on its own first, a few times at most.
    assert m.deoptimizations == 0 and 1 <= m.osr_entries == m.native_calls <= 1 + jit.STOPS_PER_FUNCTION, m


@pytest.mark.timeout(120)
@pytest.mark.parametrize("fn,args,expected", [(fib, (34,), lambda n: _linear(n)[0]),
                                              (root_sum, (2_000_000,), root_sum),
                                              (even_tree, (33,), lambda n: _linear(n)[1])],
                         ids=["fib", "divide-and-conquer-with-a-lambda", "mutual"])
def test_a_hot_recursion_finishes_natively(ex, fn, args, expected):
    """A function with no loop, on the stack more than once, is entered where it next begins, and every
    frame of it waiting on the stack where it waits: the rest of the recursion runs natively."""
    future = ex.submit(fn, *args)
    assert future.result(timeout=100) == expected(*args)
    m = future.metrics
    assert m.deoptimizations == 0 and 1 <= m.osr_entries == m.native_calls, m


def _linear(n):
    """fib(n) and even_tree(n), computed without the recursion (CPython takes a second or two for it)."""
    fibs, evens, odds = [0, 1], [1, 1], [0, 1]
    for k in range(2, n + 1):
        fibs.append(fibs[-1] + fibs[-2])
        evens.append(odds[k - 1] + odds[k - 2])
        odds.append(evens[k - 1] + evens[k - 2] + 1)
    return fibs[n], evens[n]


@pytest.mark.timeout(120)
def test_a_recursion_whose_sums_outgrow_64_bits_leaves_for_tier0(ex):
    n = 2 ** 21
    future = ex.submit(cubes, 0, n)
    assert future.result(timeout=100) == (n * (n - 1) // 2) ** 2 == sum(i ** 3 for i in range(n))
    assert future.metrics.osr_entries >= 1 and future.metrics.deoptimizations >= 1, future.metrics


@pytest.mark.timeout(120)
@pytest.mark.parametrize("fn,args", [(running_means, (200_000, 60)),
                                     (edit_distance, ([1, 3, 2, 4] * 300, [1, 2, 3, 4, 4, 1] * 200)),
                                     (product_trace, (180,)), (nbody, (150_000,)), (enumerated_pairs, (200_000, 30)),
                                     (filled_arrays, (3_000_000,)), (appended, (6_000_000,))],
                         ids=["list", "table", "rows-bound-in-the-loop", "n-body-tuples-of-lists", "enumerate-of-zip",
                              "numpy-arrays-in-place", "appended-to"])
def test_lists_made_in_the_computation_are_written_natively(ex, fn, args):
    future = ex.submit(fn, *args)
    assert future.result(timeout=100) == fn(*args)
    m = future.metrics
    assert m.deoptimizations == 0 and 1 <= m.osr_entries == m.native_calls, m


@pytest.mark.timeout(120)
def test_native_code_does_not_write_into_an_array_from_outside(ex):
    box = [np.zeros(2)]
    future = ex.submit(late_store, box, 20_000_000)
    with pytest.raises(pyfora.PythonToForaConversionError, match="came from outside the computation"):
        future.result(timeout=100)
    assert box[0].tolist() == [0.0, 0.0]


@pytest.mark.timeout(120)
def test_an_enumerate_over_an_iterator_the_frame_holds_is_not_taken_over(ex):
    future = ex.submit(shared_iterator, 4_000_000)
    assert future.result(timeout=100) == shared_iterator(4_000_000)
    assert future.metrics.osr_entries == 0
    assert future.metrics.fallbacks["an enumerate or zip over an iterator a local holds"] >= 1, future.metrics


@pytest.mark.timeout(120)
def test_a_list_item_past_64_bits_leaves_with_the_items_written_so_far(ex):
    future = ex.submit(late_overflow, 2_000_000)
    assert future.result(timeout=100) == late_overflow(2_000_000)
    assert future.metrics.osr_entries == 1 and future.metrics.deoptimizations == 1, future.metrics


@pytest.mark.timeout(120)
def test_a_list_empty_where_native_code_would_be_entered_is_appended_to_in_tier0(ex):
    future = ex.submit(appended_late, 8_000_000)
    assert future.result(timeout=100) == appended_late(8_000_000)
    assert future.metrics.osr_entries == 0 and "`out` is no local of a native type" in future.metrics.fallbacks


@pytest.mark.timeout(120)
def test_a_store_past_the_end_of_a_list_raises_pythons_index_error(ex):
    with pytest.raises(IndexError) as expected:
        off_the_end(2_000_000)
    with pytest.raises(IndexError) as got:
        ex.submit(off_the_end, 2_000_000).result(timeout=100)
    assert str(got.value) == str(expected.value) == "list assignment index out of range"


@pytest.mark.timeout(120)
def test_native_code_does_not_write_into_a_list_from_outside(ex):
    box = [[1.0, 2.0]]
    future = ex.submit(late_store, box, 20_000_000)
    with pytest.raises(pyfora.PythonToForaConversionError, match="came from outside the computation"):
        future.result(timeout=100)
    assert box == [[1.0, 2.0]]


@pytest.mark.timeout(120)
def test_a_fused_generator_whose_item_outgrows_64_bits_leaves_for_tier0(ex):
    future = ex.submit(generator_outgrows, 3_000_000)
    assert future.result(timeout=100) == generator_outgrows(3_000_000)
    assert future.metrics.osr_entries == 1 and future.metrics.deoptimizations == 1


@pytest.mark.timeout(120)
def test_a_loop_over_an_array_finishes_natively(ex):
    a = np.random.default_rng(5).random(5_000_000)
    future = ex.submit(sum_squares, a)
    assert future.result(timeout=100) == sum_squares(a)
    assert future.metrics.osr_entries == 1 and future.metrics.deoptimizations == 0


@pytest.mark.timeout(120)
def test_a_loop_over_a_list_finishes_natively(ex):
    xs = [i * 0.25 for i in range(4_000_000)]
    future = ex.submit(list_roots, xs)
    assert future.result(timeout=100) == list_roots(xs)
    assert future.metrics.osr_entries == 1 and future.metrics.deoptimizations == 0


@pytest.mark.timeout(120)
def test_native_code_entered_on_the_spot_leaves_for_tier0_past_64_bits(ex):
    future = ex.submit(outgrows, 30_000_000)
    assert future.result(timeout=100) == outgrows(30_000_000)
    assert future.metrics.osr_entries == 1 and future.metrics.deoptimizations == 1


@pytest.mark.timeout(120)
def test_a_loop_that_does_not_compile_stays_in_tier0(ex):
    future = ex.submit(with_a_dict, 2_000_000)
    assert future.result(timeout=100) == with_a_dict(2_000_000)
    assert future.metrics.osr_entries == 0 and future.metrics.compiles == 0


@pytest.mark.timeout(120)
def test_a_hot_function_of_short_calls_stops_the_computation_a_few_times_only(ex):
    future = ex.submit(primes_below, 600_000)
    assert future.result(timeout=100) == primes_below(600_000)
    assert 1 <= future.metrics.osr_entries <= jit.STOPS_PER_FUNCTION


@pytest.mark.timeout(60)
def test_without_the_jit_nothing_is_entered():
    with pyfora.connect(workers=1, jit=False) as ex:
        future = ex.submit(loop_sum, 3_000_000)
        assert future.result(timeout=50) == loop_sum(3_000_000)
        assert future.metrics.osr_entries == 0 and future.metrics.compiles == 0


@pytest.mark.timeout(60)
def test_a_loop_entered_on_the_spot_is_cancelled_at_once(ex):
    future = ex.submit(forever)
    time.sleep(1.5)    # long enough to become hot and be entered natively
    started = time.perf_counter()
    assert future.cancel()
    with pytest.raises(concurrent.futures.CancelledError):
        future.result(timeout=10)
    assert time.perf_counter() - started < 1.0
    assert ex.submit(loop_sum, 10).result(timeout=30) == loop_sum(10)
