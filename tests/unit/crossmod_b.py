"""The other half of a mutual recursion across two modules."""
import crossmod_a


def is_odd(n):
    return False if n == 0 else crossmod_a.is_even(n - 1)
