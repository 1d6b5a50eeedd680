"""Shared pieces of the statement-form rewrite: reserved names and small AST helpers."""
import ast

TEMP = "_pf_t"
LAMBDA = "_pf_lambda"
GENEXPR = "_pf_genexpr"
ITERATOR = "_pf_it"
ITER_BUILTIN = "_pf_iter"
MUTATION_CHECK = "_pf_mut"
ID_BUILTIN = "_pf_id"
FOREIGN_IDS = "_pf_foreign"
PLAIN_TYPES = "_pf_plain"
OUT_CHECK = "_pf_out"
SEED_CHECK = "_pf_seed"
OBJECT_NEW = "_pf_object_new"
TYPE_BUILTIN = "_pf_type"
INT_TYPE = "_pf_int"
FLOAT_TYPE = "_pf_float"
ABS_BUILTIN = "_pf_abs"
FROZENSET_BUILTIN = "_pf_frozenset"
INIT_RETURNED = "_pf_init_returned"
SUSPENDING = "_pf_susp"
SUM_START = "_pf_sum_start"
SUM_ADD = "_pf_sum_add"
SUM_TOTAL = "_pf_sum_total"
"""The VM's steps of a 3.12+ `sum` (vm/prelude.py) that compiler/comprehensions.py's loops call."""

MUTATING_METHODS = {"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "update",
                    "setdefault", "popitem", "add", "discard", "difference_update", "intersection_update",
                    "symmetric_difference_update", "fill", "resize", "put", "itemset", "appendleft",
                    "popleft", "extendleft", "rotate", "subtract", "move_to_end", "__setitem__", "__delitem__",
                    "__iadd__", "__imul__", "__ior__", "__iand__", "__ixor__", "__isub__"}
"""Methods that mutate the object they are called on (lists, dicts, sets, deques, numpy arrays).

The ownership pass flags calls of them on values the frame does not own (compiler/ownership.py), and a
statement that calls one on a name writes that name (compiler/statements.py)."""

DRAW_METHODS = {"betavariate", "binomialvariate", "choice", "choices", "expovariate", "gammavariate", "gauss", "getrandbits",
                "lognormvariate", "normalvariate", "paretovariate", "randbytes", "randint", "random", "randrange",
                "sample", "seed", "setstate", "shuffle", "triangular", "uniform", "vonmisesvariate",
                "weibullvariate", "beta", "binomial", "bytes", "chisquare", "dirichlet", "exponential", "f",
                "gamma", "geometric", "gumbel", "hypergeometric", "integers", "laplace", "logistic", "lognormal",
                "logseries", "multinomial", "multivariate_hypergeometric", "multivariate_normal",
                "negative_binomial", "noncentral_chisquare", "noncentral_f", "normal", "pareto", "permutation",
                "permuted", "poisson", "power", "rayleigh", "spawn", "standard_cauchy", "standard_exponential",
                "standard_gamma", "standard_normal", "standard_t", "vonmises", "wald", "weibull", "zipf",
                "advance", "random_raw", "_randbelow", "_randbelow_with_getrandbits", "_randbelow_without_getrandbits",
                "_benchmark"}
"""Methods of `random.Random`, numpy's `Generator` and its bit generators that advance the generator's
state: they mutate the generator (`shuffle` mutates its argument too). The names are common, so a call of
one is checked when it runs, never refused by its name alone (compiler/ownership.py)."""

LIBRARY_MUTATORS = {"heappush", "heappop", "heapify", "heapreplace", "heappushpop", "insort", "insort_left",
                    "insort_right"}
"""Functions of heapq and bisect that mutate their first argument (a list) and keep none of their
arguments but the items they put in it."""

SETTERS = {"__setattr__", "__delattr__"}
"""Methods that set or delete attributes of the object they are called on: taken as values, refused
(compiler/ownership.py, compiler/guards.py)."""

NESTED_SCOPES = (ast.Lambda, ast.FunctionDef, ast.ListComp, ast.SetComp, ast.DictComp,
                  ast.GeneratorExp)


def calls_inside(node: ast.AST) -> bool:
    """Whether evaluating `node` may run a call, a yield or a mutation check, or makes a function.

    Generator expressions and lambdas always become defs of the statement form, so a suspension
    can capture them and a result can name them.
    """
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and getattr(sub, "pf_atomic", False):
            continue
        if isinstance(sub, (ast.Call, ast.Yield, ast.YieldFrom, ast.GeneratorExp, ast.Lambda)):
            return True
        if getattr(sub, "pf_check", None):
            return True
    return False


def located(new, origin):
    """`new`, with `origin`'s location on it and on every node inside it that lacks one."""
    ast.copy_location(new, origin)
    for sub in ast.walk(new):
        if not hasattr(sub, "lineno"):
            ast.copy_location(sub, origin)
    return new


def var(id_, ctx=None):
    return ast.Name(id=id_, ctx=ctx or ast.Load())


def is_temp(atom) -> bool:
    """Temporaries are assigned once before they are read, so reading one later is the same."""
    return isinstance(atom, ast.Name) and atom.id.startswith(TEMP)


def walrus_targets(nodes) -> set[str]:
    return {n.target.id for node in nodes for n in ast.walk(node) if isinstance(n, ast.NamedExpr)}
