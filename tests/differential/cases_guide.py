"""Differential cases: every example program of the original pyfora
performance guide (reference/004_5aae629377947588.txt), in Python 3
(`range`, `//`) and at sizes CPython runs in well under a second.
"""
from case import case

# The guide's divide-and-conquer example defines a module-level `sum`, which
# shadows the builtin for every function of this module; the generator-sum
# examples use the builtin through this name, bound before the shadowing def.
builtin_sum = sum


# ---------------------------------------------------------------------------
# Basic behavior of the JIT: a while loop accumulating a float
# ---------------------------------------------------------------------------

def loopSum(x):
    result = 0.0
    while x > 0:
        result = result + x
        x = x - 1
    return result


# ---------------------------------------------------------------------------
# Higher-order functions and classes
# ---------------------------------------------------------------------------

def loopSumF(x, f):
    result = 0
    while x > 0:
        result = result + f(x)
        x = x - 1
    return result


class Add:
    def __init__(self, arg):
        self.arg = arg

    def __call__(self, x):
        return self.arg + x


class Multiply:
    def __init__(self, arg):
        self.arg = arg

    def __call__(self, x):
        return self.arg * x


class Compose:
    def __init__(self, f, g):
        self.f = f
        self.g = g

    def __call__(self, x):
        return self.f(self.g(x))


def composed_vs_lambda(n):
    composed = loopSumF(n, Compose(Multiply(10.0), Add(20.0)))
    # Compose(Multiply(10.0), Add(20.0))(x) is 10.0 * (20.0 + x)
    same_lambda = loopSumF(n, lambda x: 10.0 * (20.0 + x))
    guide_lambda = loopSumF(n, lambda x: x * 10.0 + 20.0)
    return composed, same_lambda, guide_lambda, composed == same_lambda


def build_compose(a, b):
    return Compose(Multiply(a), Add(b))


def applyCallable(f, x):
    return f(x), f(f(x))


def nested_compose(n, depth):
    f = Add(1)
    for i in range(depth):
        f = Compose(Multiply(2), f) if i % 2 else Compose(f, Add(i))
    return loopSumF(n, f)


# ---------------------------------------------------------------------------
# Keep the total number of type combinations small
# ---------------------------------------------------------------------------

def typeExplosion(v):
    a = None
    b = None
    c = None
    for x in v:
        if x < 1:
            a = x
        elif x < 2:
            b = x
            c = x
    return (a, b, c)


def typeExplosionRange(n):
    return typeExplosion([(i % 7) * 0.5 for i in range(n)])


# ---------------------------------------------------------------------------
# Tuples as structure
# ---------------------------------------------------------------------------

def buildTuple(ct):
    res = ()
    for ix in range(ct):
        res = res + (ix,)
    return res


aTuple = (0.0, 1, "a string", lambda x: x)


def tupleDispatch(n):
    functionCount = floatCount = 0
    for ix in range(n):
        # pull an element out of the tuple - the compiler can't tell what
        # kind of element it is ahead of time
        val = aTuple[ix % len(aTuple)]

        if isinstance(val, type(lambda: None)):
            functionCount = functionCount + 1
        elif isinstance(val, float):
            floatCount = floatCount + 1
    return functionCount, floatCount


def tupleDispatchArg(t, n):
    functionCount = floatCount = otherCount = 0
    for ix in range(n):
        val = t[ix % len(t)]
        if isinstance(val, type(lambda: None)):
            functionCount = functionCount + 1
        elif isinstance(val, float):
            floatCount = floatCount + 1
        else:
            otherCount = otherCount + 1
    return functionCount, floatCount, otherCount


def listBuild(n):
    # "v + [element] will be fast": the guide's fastest way to build a list
    v = []
    for i in range(n):
        v = v + [i * 0.5]
    return v


# ---------------------------------------------------------------------------
# Adaptive parallelism: isPrime, summed over a generator
# ---------------------------------------------------------------------------

def isPrime(p):
    # exactly as the guide has it (it returns 1 for composites too)
    if p < 2: return 0
    x = 2
    while x*x <= p:
        if p%x == 0:
            return 1
        x = x + 1
    return 1


def isPrimeFixed(p):
    if p < 2:
        return 0
    x = 2
    while x * x <= p:
        if p % x == 0:
            return 0
        x = x + 1
    return 1


def countPrimesGuide(n):
    return builtin_sum(isPrime(x) for x in range(n))


def countPrimes(n):
    return builtin_sum(isPrimeFixed(x) for x in range(n))


def primesList(n):
    return [x for x in range(n) if isPrimeFixed(x)]


def primeFlags(n):
    return [isPrimeFixed(x) for x in range(n)]


# ---------------------------------------------------------------------------
# Dataflow parallelism: a user's own divide-and-conquer `sum`
# ---------------------------------------------------------------------------

def sum(a, b, f):
    if a >= b:
        return 0
    if a + 1 >= b:
        return f(a)

    mid = (a + b) // 2

    return sum(a, mid, f) + sum(mid, b, f)


def sumSqrt(n):
    return sum(0, n, lambda x: x ** 0.5)


def sumSquares(n):
    return sum(0, n, lambda x: x * x)


def nestedSum(n):
    return sum(0, n, lambda x: sum(0, x, lambda y: x * y))


def sumOfIsPrime(n):
    return sum(0, n, isPrimeFixed)


def sumWithRaise(n, bad):
    def f(x):
        if x == bad:
            raise ValueError(f"bad element {x}")
        return x
    return sum(0, n, f)


def sumPrinting(n):
    def f(x):
        print("leaf", x)
        return x * 10
    return sum(0, n, f)


CASES = [
    case(loopSum, 0),
    case(loopSum, 10),
    case(loopSum, 100000),
    case(loopSum, 2.5),
    case(loopSumF, 100000, lambda x: x),
    case(loopSumF, 100000, lambda x: x * x),
    case(loopSumF, 1000, lambda x: x * 0.5),
    case(loopSumF, 20000, Compose(Multiply(10.0), Add(20.0))),
    case(loopSumF, 20000, lambda x: x * 10.0 + 20.0),
    case(composed_vs_lambda, 20000),
    case(build_compose, 10.0, 20.0),
    case(nested_compose, 1000, 6),
    case(applyCallable, Compose(Multiply(3), Add(4)), 5),
    case(applyCallable, Compose(Multiply(3), Add("x")), 5),
    case(typeExplosion, [0.5, 3, 1, 1.5, -2, 7]),
    case(typeExplosion, []),
    case(typeExplosion, [5, 6]),
    case(typeExplosionRange, 50000),
    case(buildTuple, 0),
    case(buildTuple, 100),
    case(buildTuple, 2000),
    case(tupleDispatch, 100),
    case(tupleDispatch, 10001),
    case(tupleDispatchArg, (0.0, 1, "a string", lambda x: x), 100),
    case(tupleDispatchArg, (len, 2.5, None, tupleDispatch, Add(1)), 1000),
    case(listBuild, 1000),
    case(isPrime, 97),
    case(isPrime, 91),
    case(countPrimesGuide, 20000),
    case(countPrimes, 20000),
    case(primesList, 200),
    case(primeFlags, 50),
    case(sum, 0, 10, lambda x: x),
    case(sum, 5, 5, lambda x: 1 / 0),
    case(sumSqrt, 100000),
    case(sumSqrt, 1),
    case(sumSquares, 12345),
    case(nestedSum, 100),
    case(nestedSum, 3),
    case(sumOfIsPrime, 5000),
    case(sumWithRaise, 1000, 700),
    case(sumWithRaise, 1000, 5000),
    case(sumPrinting, 5),
]
