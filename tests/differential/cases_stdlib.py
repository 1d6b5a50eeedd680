"""Differential cases: the pure standard-library modules pyfora code may use (re, json, statistics,
heapq, bisect, fractions, decimal, copy, string, textwrap, dataclasses, random) and numpy's seeded
generators, their refused names, the library functions that mutate their first argument, and five
small applications written as their authors would.

A refusal's `match` names the line where pyfora can tell it (`at(fn, k)`: the k-th line of `fn`).
"""
import bisect
import copy
import dataclasses
import decimal
import fractions
import heapq
import json
import random
import re
import statistics
import string
import textwrap
import time
from bisect import insort
from heapq import heappop, heappush
from heapq import heappush as push_onto_heap
from random import Random, randint

import numpy as np

from case import case, refused


def at(fn, offset: int) -> str:
    """`cases_stdlib.py:LINE:`, LINE being the `offset`-th line of `fn` (its `def` is 0)."""
    return f"cases_stdlib.py:{fn.__code__.co_firstlineno + offset}:"


# ===========================================================================
# re
# ===========================================================================

def re_findall_and_sub(text):
    numbers = [int(n) for n in re.findall(r"-?\d+", text)]
    masked = re.sub(r"(\w+)@(\w+)\.com", r"\2:\1", text)
    return numbers, masked, re.split(r"[;,]\s*", "a, b;c,  d")


def re_compiled_groups(lines):
    pattern = re.compile(r"(?P<key>\w+)\s*=\s*(?P<value>[^#]*?)\s*(#.*)?$")
    found = {}
    for line in lines:
        m = pattern.match(line)
        if m:
            found[m.group("key")] = m.group("value")
    return found, bool(pattern.fullmatch("x = 1")), pattern.pattern


def re_finditer_spans(text):
    return [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[A-Z][a-z]+", text)]


def re_sub_with_function(text):
    return re.sub(r"\d+", lambda m: str(int(m.group(0)) * 2), text), re.subn("a", "b", text, count=1)


def re_flags_and_escape(text):
    return (re.findall(r"^item", text, re.MULTILINE | re.IGNORECASE), re.escape("1+1=2?"),
            re.search(r"x.y", "x\ny", re.DOTALL) is not None)


def re_bad_pattern():
    return re.compile("(")


# ===========================================================================
# json
# ===========================================================================

def json_round_trip(value):
    text = json.dumps(value)
    return text, json.loads(text), json.loads(text) == value


def json_formatting(report):
    return (json.dumps(report, indent=2, sort_keys=True), json.dumps(report, separators=(",", ":")),
            json.dumps("é", ensure_ascii=False), json.dumps("é"))


def json_decode_error(text):
    return json.loads(text)


def json_not_serializable():
    return json.dumps({"s": {1, 2}})


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)


def json_custom_encoder(value):
    return json.dumps(value, cls=SetEncoder, sort_keys=True)


def json_default_hook(items):
    return json.dumps({"items": items}, default=lambda s: sorted(s))


# ===========================================================================
# statistics
# ===========================================================================

def stats_centre(xs):
    return (statistics.mean(xs), statistics.median(xs), statistics.median_low(xs), statistics.mode([1, 2, 2, 3]),
            statistics.fmean(xs), statistics.geometric_mean(xs), statistics.harmonic_mean(xs))


def stats_spread(xs):
    return (statistics.stdev(xs), statistics.pstdev(xs), statistics.variance(xs),
            statistics.quantiles(xs, n=4), statistics.quantiles(xs, n=10, method="inclusive"))


def stats_relations(xs, ys):
    fit = statistics.linear_regression(xs, ys)
    return statistics.correlation(xs, ys), statistics.covariance(xs, ys), fit.slope, fit.intercept


def stats_normal_dist(mu, sigma):
    d = statistics.NormalDist(mu, sigma)
    return d.cdf(mu + sigma), d.inv_cdf(0.975), d.pdf(mu), (d + statistics.NormalDist(1, 2)).stdev


def stats_empty():
    return statistics.mean([])


# ===========================================================================
# heapq
# ===========================================================================

def heap_push_pop():
    h = []
    heapq.heappush(h, 3)
    heapq.heappush(h, 1)
    return [heapq.heappop(h) for _ in range(2)]


def heap_from_copy(xs):
    h = list(xs)
    heapq.heapify(h)
    smallest = heapq.heappop(h)
    replaced = heapq.heapreplace(h, 100)
    pushed = heapq.heappushpop(h, -1)
    return smallest, replaced, pushed, sorted(h), xs


def heap_imported_names(xs):
    h = []
    for x in xs:
        heappush(h, (x % 3, x))
    out = []
    while h:
        out.append(heappop(h))
    return out


def heap_queries(xs, words):
    return (heapq.nlargest(3, xs), heapq.nsmallest(2, words, key=len), list(heapq.merge([1, 4, 9], [2, 3, 10])))


def heap_in_loop_of_lists(pairs):
    heaps = {}
    for key, value in pairs:
        h = heaps.setdefault(key, [])
        heapq.heappush(h, value)
    return {k: heapq.nsmallest(2, v) for k, v in heaps.items()}


# ===========================================================================
# bisect
# ===========================================================================

def bisect_queries(xs, probes):
    return [(bisect.bisect_left(xs, p), bisect.bisect_right(xs, p), bisect.bisect(xs, p)) for p in probes]


def bisect_insort_owned(values):
    ordered = []
    for v in values:
        bisect.insort(ordered, v)
    bisect.insort_left(ordered, 5)
    insort(ordered, 0)
    return ordered


def bisect_grades(scores):
    breakpoints, grades = [60, 70, 80, 90], "FDCBA"
    return [grades[bisect.bisect(breakpoints, s)] for s in scores]


def bisect_with_key(records):
    ordered = sorted(records, key=lambda r: r[1])
    bisect.insort_right(ordered, ("new", 5), key=lambda r: r[1])
    return ordered, bisect.bisect_left(ordered, 5, key=lambda r: r[1])


# ===========================================================================
# fractions and decimal
# ===========================================================================

def fraction_arithmetic(a, b):
    x, y = fractions.Fraction(a, b), fractions.Fraction("3/7")
    return x + y, x * y, x / y, x ** 2, x < y, float(x), str(x - y), fractions.Fraction(0.1).limit_denominator(100)


def fraction_harmonic(n):
    return sum(fractions.Fraction(1, k) for k in range(1, n + 1))


def fraction_zero_denominator():
    return fractions.Fraction(1, 0)


def decimal_money(prices, rate):
    total = sum((decimal.Decimal(p) for p in prices), decimal.Decimal(0))
    tax = (total * decimal.Decimal(rate)).quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
    return total, tax, total + tax, str(total + tax)


def decimal_functions(s):
    d = decimal.Decimal(s)
    return d.sqrt(), d.ln(), d.exp(), d / 3, d.as_tuple(), d.is_finite(), d.to_integral_value(), -d, abs(-d)


def decimal_one_seventh():
    return decimal.Decimal(1) / decimal.Decimal(7), decimal.Decimal("1.10") + decimal.Decimal("2.205")


def decimal_division_by_zero():
    return decimal.Decimal(1) / decimal.Decimal(0)


def decimal_bad_literal():
    return decimal.Decimal("twelve")


# ===========================================================================
# copy, string, textwrap, dataclasses
# ===========================================================================

def copies_are_owned(rows):
    deep = copy.deepcopy(rows)
    deep[0].append(99)
    shallow = copy.copy(rows)
    shallow.append([7])
    return deep, shallow, rows


def copy_then_mutate_inner(rows):
    shallow = copy.copy(rows)
    shallow[0].append(99)
    return shallow


def string_helpers(name, words):
    t = string.Template("Dear $name, you owe $$${amount}.")
    return (t.substitute(name=name, amount=12), t.safe_substitute(name=name), string.capwords(words),
            string.ascii_lowercase[:5], string.digits, string.punctuation[:4])


def string_template_missing():
    return string.Template("$who").substitute({})


def textwrap_helpers(text):
    return (textwrap.wrap(text, 12), textwrap.fill(text, 20), textwrap.shorten(text, 25),
            textwrap.indent("a\nb", "> "), textwrap.dedent("    x\n      y\n"),
            textwrap.TextWrapper(width=10, initial_indent="* ").wrap(text))


def dataclasses_on_plain_values(x):
    return dataclasses.is_dataclass(x), dataclasses.is_dataclass(int)


# ===========================================================================
# random: seeded generators made in the function
# ===========================================================================

def random_draws(seed):
    rng = random.Random(seed)
    return (rng.random(), rng.randint(1, 6), rng.uniform(-1, 1), rng.gauss(0, 1), rng.normalvariate(10, 2),
            rng.randrange(0, 100, 5), rng.choice("abcdef"), rng.getrandbits(20), rng.expovariate(2.0),
            rng.triangular(0, 1, 0.2), rng.betavariate(2, 3))


def random_collections(seed):
    rng = Random(seed)
    deck = list(range(10))
    rng.shuffle(deck)
    return deck, rng.sample(range(100), 5), rng.choices("xyz", weights=[1, 5, 2], k=8), rng.randbytes(4)


def random_in_loops(seed, n):
    rng = random.Random(seed)
    walk, position = [], 0
    for _ in range(n):
        position += 1 if rng.random() < 0.5 else -1
        walk.append(position)
    squares = [rng.randint(0, 9) ** 2 for _ in range(n)]
    total = sum(rng.random() for _ in range(n))
    return walk, squares, total


def random_string_seed(seed):
    rng = random.Random(seed)
    state = rng.getstate()
    first = rng.random()
    rng.seed(seed)
    return first, rng.random(), first == rng.random() or state[0]


def random_two_generators():
    a, b = random.Random(1), random.Random(2)
    return [(a.random(), b.random()) for _ in range(3)]


def numpy_generator_draws(seed):
    rng = np.random.default_rng(seed)
    return (rng.integers(0, 10, 5).tolist(), float(rng.standard_normal()), rng.normal(5, 2, 3).tolist(),
            rng.choice(["a", "b", "c"], 4).tolist(), rng.permutation(5).tolist(), float(rng.uniform()))


def numpy_generator_shuffle(seed):
    rng = np.random.default_rng(seed)
    xs = np.arange(8)
    rng.shuffle(xs)
    draws = np.array([rng.random() for _ in range(3)])
    return xs.tolist(), draws.round(12).tolist()


def numpy_explicit_bit_generator(seed):
    rng = np.random.Generator(np.random.PCG64(seed))
    return rng.integers(0, 100, 4).tolist(), float(rng.exponential(3.0))


def random_seed_of_wrong_type():
    return random.Random((1, 2)).random()


def match_object_result(text):
    return re.match(r"\d+", text)


def unbound_draw(seed):
    rng = random.Random(seed)
    return random.Random.random(rng)


def random_state_returned(seed):
    rng = random.Random(seed)
    rng.random()
    return rng.getstate()


# ===========================================================================
# Refused: impure names, unseeded generators, draws and mutations of what the frame did not make
# ===========================================================================

def module_level_draw(n):
    return random.random() * n


def module_level_randint():
    return random.randint(1, 6)


def module_level_seed():
    random.seed(4)
    return 1


def module_level_shuffle():
    xs = [1, 2, 3]
    random.shuffle(xs)
    return xs


def imported_draw():
    return randint(1, 6)


def unseeded_generator():
    rng = random.Random()
    return rng.random()


def none_seed_generator():
    return random.Random(None).random()


def seed_none_at_run_time(seed):
    rng = random.Random(seed)
    return rng.random()


def reseed_from_entropy(seed):
    rng = random.Random(seed)
    rng.seed()
    return rng.random()


def system_random():
    return random.SystemRandom().random()


def draw_from_argument(rng):
    return rng.random()


GLOBAL_RNG = random.Random(7)


def draw_from_global():
    return GLOBAL_RNG.randint(1, 6)


def draw_after_aliasing(seed):
    rng = random.Random(seed)
    other = rng
    return other.random()


def draw_in_nested_function(seed):
    rng = random.Random(seed)

    def roll():
        return rng.randint(1, 6)
    return roll()


def shuffle_argument_list(seed, xs):
    rng = random.Random(seed)
    rng.shuffle(xs)
    return xs


def numpy_legacy_draw():
    return np.random.rand(3).tolist()


def numpy_unseeded():
    return np.random.default_rng().random()


def numpy_seeded_with_generator(rng):
    mine = np.random.default_rng(rng)
    return mine.random()


def numpy_draw_from_argument(rng):
    return rng.normal()


def heappush_on_argument(h):
    heapq.heappush(h, 1)
    return h


def heapify_on_argument(xs):
    heapq.heapify(xs)
    return xs[0]


def heappop_on_global():
    return heapq.heappop(GLOBAL_HEAP)


GLOBAL_HEAP = [1, 2, 3]


def insort_on_argument(xs):
    bisect.insort(xs, 2)
    return xs


def insort_after_escape():
    xs = [1, 3]
    ys = xs
    bisect.insort(xs, 2)
    return ys


def renamed_heappush(h):
    push_onto_heap(h, 1)
    return h


def heappush_as_a_value(pairs):
    h = []
    list(map(heapq.heappush, [h] * len(pairs), pairs))
    return h


def heappush_through_getattr(h):
    push = getattr(heapq, "heappush")
    push(h, 1)
    return h


def unsupported_module():
    return time.time()


def json_load_file():
    return json.load("data.json")


def json_dump_file(value):
    json.dump(value, "out.json")


def string_formatter(fn):
    return string.Formatter().format("{0.__globals__}", fn)


def decimal_getcontext():
    return decimal.getcontext().prec


def decimal_setcontext():
    decimal.setcontext(decimal.Context(prec=3))
    return decimal.Decimal(1) / 7


def decimal_context_argument(ctx):
    return ctx.prec


def make_a_dataclass():
    return dataclasses.make_dataclass("Point", ["x", "y"])


def copy_dispatch_table():
    return len(copy.dispatch_table)


def normal_dist_samples_unseeded():
    return statistics.NormalDist(0, 1).samples(3)


def normal_dist_samples_seeded(seed):
    return statistics.NormalDist(0, 1).samples(3, seed=seed)


# ===========================================================================
# Applications
# ===========================================================================

def monte_carlo_call_price(spot, strike, rate, volatility, years, paths, seed):
    """A European call priced by simulation, as a quant would write it first."""
    rng = random.Random(seed)
    drift = (rate - 0.5 * volatility ** 2) * years
    shock = volatility * years ** 0.5
    payoff_total = 0.0
    for _ in range(paths):
        terminal = spot * 2.718281828459045 ** (drift + shock * rng.gauss(0.0, 1.0))
        payoff_total += max(terminal - strike, 0.0)
    price = payoff_total / paths * 2.718281828459045 ** (-rate * years)
    return round(price, 10)


LOG_LINE = re.compile(r'(?P<ip>\d+\.\d+\.\d+\.\d+) - - \[(?P<when>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+) '
                      r'HTTP/1\.[01]" (?P<status>\d{3}) (?P<size>\d+|-)')


def parse_access_log(lines):
    """Requests per status and the bytes served per path, from a web server's access log."""
    by_status, bytes_by_path, bad = {}, {}, []
    for number, line in enumerate(lines, 1):
        m = LOG_LINE.match(line)
        if m is None:
            bad.append(number)
            continue
        status = int(m["status"])
        by_status[status] = by_status.get(status, 0) + 1
        size = 0 if m["size"] == "-" else int(m["size"])
        bytes_by_path[m["path"]] = bytes_by_path.get(m["path"], 0) + size
    return by_status, sorted(bytes_by_path.items(), key=lambda kv: -kv[1]), bad


def sales_report(orders):
    """A JSON report of orders per region, written out and read back as a client would."""
    regions = {}
    for order in orders:
        entry = regions.setdefault(order["region"], {"orders": 0, "revenue": 0.0, "items": []})
        entry["orders"] += 1
        entry["revenue"] = round(entry["revenue"] + order["qty"] * order["price"], 2)
        entry["items"].append(order["sku"])
    report = {"regions": regions, "total": round(sum(r["revenue"] for r in regions.values()), 2),
              "best": max(regions, key=lambda r: regions[r]["revenue"])}
    text = json.dumps(report, indent=2, sort_keys=True)
    return text, json.loads(text) == report


def top_k_words(text, k):
    """The k most frequent words, kept in a bounded min-heap."""
    counts = {}
    for word in re.findall(r"[a-z']+", text.lower()):
        counts[word] = counts.get(word, 0) + 1
    heap = []
    for word, n in counts.items():
        if len(heap) < k:
            heapq.heappush(heap, (n, word))
        elif (n, word) > heap[0]:
            heapq.heapreplace(heap, (n, word))
    return sorted(heap, reverse=True)


def latency_summary(samples_ms):
    """A statistics summary of request latencies."""
    q = statistics.quantiles(samples_ms, n=100)
    return {"n": len(samples_ms), "mean": round(statistics.mean(samples_ms), 6),
            "median": statistics.median(samples_ms), "stdev": round(statistics.stdev(samples_ms), 6),
            "p90": q[89], "p99": q[98], "iqr": q[74] - q[24]}


LOG = ['10.0.0.1 - - [05/Dec/2026:10:00:00 +0000] "GET /index.html HTTP/1.1" 200 5120',
       '10.0.0.2 - - [05/Dec/2026:10:00:01 +0000] "GET /missing HTTP/1.1" 404 -',
       'garbage line',
       '10.0.0.1 - - [05/Dec/2026:10:00:02 +0000] "POST /api/items HTTP/1.0" 201 87',
       '10.0.0.3 - - [05/Dec/2026:10:00:03 +0000] "GET /index.html HTTP/1.1" 200 5120']
ORDERS = [{"region": "north", "sku": "a1", "qty": 2, "price": 9.99},
          {"region": "south", "sku": "b2", "qty": 1, "price": 24.5},
          {"region": "north", "sku": "c3", "qty": 5, "price": 1.25}]
TEXT = "the cat and the hat; the cat sat. A hat is a hat, isn't it? The end and the start"
LATENCIES = [12.5, 15.0, 11.2, 99.1, 14.3, 13.3, 12.9, 18.4, 16.0, 250.0, 13.1, 12.2, 14.8, 15.5, 17.9, 12.0]


CASES = [
    case(re_findall_and_sub, "call 555-1234 or mail bob@example.com; -7 days"),
    case(re_compiled_groups, ["a = 1", "bad line", "name= pyfora  # comment", "x=  "]),
    case(re_finditer_spans, "Alice met Bob in Paris"),
    case(re_sub_with_function, "a1b22c333"),
    case(re_flags_and_escape, "Item one\nitem two\nother"),
    case(re_bad_pattern),
    case(json_round_trip, {"a": [1, 2.5, None, True], "b": {"c": "d\u00e9"}}),
    case(json_round_trip, [1e300, -0.0, "tab\tquote\"", []]),
    case(json_formatting, {"z": 1, "a": [1, {"y": 2, "b": None}]}),
    case(json_decode_error, '{"a": 1,}'),
    case(json_not_serializable),
    case(json_default_hook, {3, 1, 2}),
    case(json_custom_encoder, {"b": {3, 1}, "a": frozenset({"x"})}),
    case(json_custom_encoder, {"bad": 1j}),
    case(stats_centre, [2.0, 4.0, 4.0, 5.0, 7.0, 9.0]),
    case(stats_spread, [2.0, 4.0, 4.0, 5.0, 7.0, 9.0, 10.5]),
    case(stats_relations, [1.0, 2.0, 3.0, 4.0, 5.0], [2.1, 3.9, 6.2, 8.1, 9.8]),
    case(stats_normal_dist, 100.0, 15.0),
    case(stats_empty),
    case(heap_push_pop),
    case(heap_from_copy, [5, 3, 8, 1, 9, 2]),
    case(heap_imported_names, [7, 3, 9, 4, 6]),
    case(heap_queries, [4, 1, 7, 3, 9, 2], ["ccc", "a", "bb", "dddd"]),
    case(heap_in_loop_of_lists, [("a", 3), ("b", 1), ("a", 1), ("a", 2)]),
    case(bisect_queries, [1, 3, 3, 5, 8], [0, 3, 4, 9]),
    case(bisect_insort_owned, [5, 1, 4, 2, 3]),
    case(bisect_grades, [33, 99, 77, 70, 89, 90, 100]),
    case(bisect_with_key, [("a", 9), ("b", 1), ("c", 5)]),
    case(fraction_arithmetic, 2, 3),
    case(fraction_harmonic, 20),
    case(fraction_zero_denominator),
    case(decimal_money, ["19.99", "5.01", "0.10"], "0.0825"),
    case(decimal_functions, "2.5"),
    case(decimal_one_seventh),
    case(decimal_division_by_zero),
    case(decimal_bad_literal),
    case(copies_are_owned, [[1, 2], [3]]),
    case(string_helpers, "Ada", "hello  wide world"),
    case(string_template_missing),
    case(textwrap_helpers, "The quick brown fox jumps over the lazy dog again and again"),
    case(dataclasses_on_plain_values, 3),
    case(random_draws, 42),
    case(random_draws, "a string seed"),
    case(random_collections, 7),
    case(random_in_loops, 3, 20),
    case(random_string_seed, "seed"),
    case(random_two_generators),
    case(random_state_returned, 11),
    case(random_seed_of_wrong_type),
    case(numpy_generator_draws, 2024),
    case(numpy_generator_shuffle, 5),
    case(numpy_explicit_bit_generator, 9),
    case(normal_dist_samples_seeded, 3),
    case(monte_carlo_call_price, 100.0, 105.0, 0.03, 0.2, 1.0, 2000, 12345),
    case(parse_access_log, LOG),
    case(sales_report, ORDERS),
    case(top_k_words, TEXT, 3),
    case(latency_summary, LATENCIES),

    refused(module_level_draw, 3, match=at(module_level_draw, 1) + "12: `random.random` is a draw from the "
                                        "generator the process shares"),
    refused(module_level_randint, match="`rng = random.Random(seed)`"),
    refused(module_level_seed, match=at(module_level_seed, 1) + "5: `random.seed` is a draw"),
    refused(module_level_shuffle, match=at(module_level_shuffle, 2) + "5: `random.shuffle`"),
    refused(imported_draw, match=at(imported_draw, 1) + "12: `random.randint` is a draw"),
    refused(unseeded_generator, match=at(unseeded_generator, 1) + "11: `random.Random()` without a seed draws "
                                      "its seed from the operating system"),
    refused(none_seed_generator, match=at(none_seed_generator, 1) + "12: `random.Random()` without a seed"),
    refused(seed_none_at_run_time, None, match=at(seed_none_at_run_time, 1) + " `random.Random()` with the seed "
                                               "None draws its seed from the operating system"),
    refused(reseed_from_entropy, 1, match=at(reseed_from_entropy, 2) + " `rng.seed()` with the seed None"),
    refused(system_random, match=at(system_random, 1) + "12: `random.SystemRandom` is a draw"),
    refused(draw_from_argument, random.Random(1), match=at(draw_from_argument, 1) + " `rng.random()` draws from "
                                                        "a `Random` that came from outside the computation"),
    refused(draw_from_global, match=at(draw_from_global, 1) + " `GLOBAL_RNG.randint()` draws from a `Random`"),
    case(draw_after_aliasing, 1),
    case(draw_in_nested_function, 1),
    refused(shuffle_argument_list, 1, [3, 1, 2], match=at(shuffle_argument_list, 2) + " `rng.shuffle()` mutates a "
                                                       "`list` value that came from outside the computation"),
    refused(numpy_legacy_draw, match=at(numpy_legacy_draw, 1) + " `numpy.random.rand` is a draw from numpy's "
                                     "legacy generator"),
    refused(numpy_unseeded, match=at(numpy_unseeded, 1) + "12: `np.random.default_rng()` without a seed"),
    refused(numpy_seeded_with_generator, np.random.default_rng(1),
            match=at(numpy_seeded_with_generator, 1) + " `np.random.default_rng()` with the seed Generator"),
    refused(numpy_draw_from_argument, np.random.default_rng(1), match=at(numpy_draw_from_argument, 1)
            + " `rng.normal()` draws from a `Generator` that came from outside the computation"),
    refused(heappush_on_argument, [2], match=at(heappush_on_argument, 1) + "5: `heapq.heappush()` mutates the argument `h`"),
    refused(heapify_on_argument, [3, 1], match=at(heapify_on_argument, 1) + "5: `heapq.heapify()` mutates the argument `xs`"),
    refused(heappop_on_global, match=at(heappop_on_global, 1) + " `heapq.heappop()` mutates a `list`"),
    refused(insort_on_argument, [1, 3], match=at(insort_on_argument, 1) + "5: `bisect.insort()` mutates the argument `xs`"),
    case(insort_after_escape),
    refused(renamed_heappush, [2], match=at(renamed_heappush, 1) + "5: `push_onto_heap` is `heapq.heappush` "
                                         "under another name"),
    refused(heappush_as_a_value, [3, 1], match=at(heappush_as_a_value, 2) + "14: taking `heapq.heappush` as a "
                                                "value is not supported by pyfora"),
    refused(heappush_through_getattr, [2], match=at(heappush_through_getattr, 1) + " getattr(..., 'heappush'): it "
                                                 "takes `heapq.heappush`, which mutates the list it is given"),
    refused(unsupported_module, match=at(unsupported_module, 1) + "12: the module 'time' is not supported by "
                                      "pyfora (only math, cmath, operator, functools, itertools, collections, re, "
                                      "json, statistics, heapq, bisect, fractions, decimal, copy, string, textwrap, "
                                      "dataclasses, enum, typing, random and numpy are)"),
    refused(json_load_file, match=at(json_load_file, 1) + "12: `json.load` is I/O"),
    refused(json_dump_file, 1, match=at(json_dump_file, 1) + "5: `json.dump` is I/O"),
    refused(string_formatter, len, match=at(string_formatter, 1) + "12: `string.Formatter` is a formatter whose "
                                         "fields reach any attribute"),
    refused(decimal_getcontext, match=at(decimal_getcontext, 1) + "12: `decimal.getcontext` is the decimal "
                                      "context"),
    refused(decimal_setcontext, match="`decimal.Context` is the decimal context"),
    refused(decimal_context_argument, decimal.Context(prec=3), match="`decimal.Context` is the decimal context"),
    refused(make_a_dataclass, match=at(make_a_dataclass, 1) + "12: `dataclasses.make_dataclass` is a maker of "
                                    "classes"),
    refused(copy_dispatch_table, match="`copy.dispatch_table` is a table of the process"),
    refused(copy_then_mutate_inner, [[1], [2]], match=at(copy_then_mutate_inner, 2) + " `shallow[0].append()` "
                                                      "mutates a `list`"),
    refused(match_object_result, "12ab", match="cannot pickle 're.Match' object"),
    refused(unbound_draw, 1, match=at(unbound_draw, 2) + " `random.Random.random()` uses a method of `Random` "
                                   "unbound"),
    refused(normal_dist_samples_unseeded, match=at(normal_dist_samples_unseeded, 1) + " `statistics.NormalDist(0, "
                                              "1).samples()` with the seed None"),
]
