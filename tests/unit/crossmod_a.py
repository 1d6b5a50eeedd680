"""One half of a mutual recursion across two modules."""
from crossmod_b import is_odd


def is_even(n):
    return True if n == 0 else is_odd(n - 1)
