"""Differential cases: int, float, complex, bool and None arithmetic and formatting."""
from case import case


# ---------------------------------------------------------------- ints

def int_arith(a, b):
    return (a + b, a - b, a * b, -a, +a, abs(a))


def int_div_mod(a, b):
    return (a // b, a % b, divmod(a, b), a / b)


def int_bitwise(a, b):
    return (a & b, a | b, a ^ b, ~a, a << 3, a >> 2)


def int_shift(a, n):
    return (a << n, a >> n)


def int_pow(a, b):
    return a ** b


def int_pow_mod(a, b, m):
    return pow(a, b, m)


def int_big_factorial_digits(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    s = str(r)
    return (len(s), s[:10], s[-10:], r % 1000007, r.bit_length())


def int_big_mixed(a):
    b = a * a * a
    return (b, b // 7, b % 7, -b // 7, -b % 7, b - a ** 3, b > 2 ** 200, str(b)[:5])


def int_bit_length_and_count(a):
    return (a.bit_length(), bin(a).count("1"), a.to_bytes(16, "big") if a >= 0 else None)


def int_from_bytes_roundtrip(a):
    bs = a.to_bytes(20, "little", signed=True)
    return (bs, int.from_bytes(bs, "little", signed=True))


def int_true_div_big(a, b):
    return a / b


def int_compare_chain(a, b, c):
    return (a < b < c, a <= b <= c, a == b == c, a != b != c, a < b > c)


# ---------------------------------------------------------------- floats

def float_arith(x, y):
    return (x + y, x - y, x * y, x / y, x // y, x % y, divmod(x, y))


def float_specials(x):
    return (x + 1.0, x * 0.0, -x, abs(x), x == x, x != x, x < 0.0, x > 0.0,
            str(x), repr(x))


def float_neg_zero(x):
    return (x, -x, x + 0.0, x * -1.0, x - 0.0, str(x), repr(-x), abs(x), x == 0.0)


def float_repr_forms(x):
    return (str(x), repr(x), f"{x}", f"{x:.3f}", f"{x:e}", f"{x:g}", f"{x:+.2%}")


def float_round_forms(x):
    return (round(x), round(x, 1), round(x, 2), round(x, -1), round(x, 0))


def float_pow(x, y):
    return x ** y


def float_mod_signs(x, y):
    return (x % y, (-x) % y, x % (-y), (-x) % (-y), trunc_remainder(x, y))


def trunc_remainder(x, y):
    q = int(x / y)
    return x - q * y


def float_int_conversions(x):
    return (int(x), float(int(x)), x.is_integer(), x.as_integer_ratio(), int(-x))


def float_hex_roundtrip(x):
    h = x.hex()
    return (h, float.fromhex(h) == x)


def float_overflow_to_int(x):
    return int(x)


def float_compare_with_int(x, n):
    return (x == n, x < n, x > n, x <= n, n < x, hash(x) == hash(n) if x == n else None)


def float_from_str(s):
    return float(s)


def float_big_int_mix(n):
    return (n + 0.5, n * 1.0, float(n), n / 3, n == float(n))


# ---------------------------------------------------------------- complex

def complex_arith(a, b):
    return (a + b, a - b, a * b, a / b, -a, abs(a) if a.imag == 0 else None,
            a.conjugate(), a.real, a.imag, a == b)


def complex_pow(a, n):
    return a ** n


def complex_repr(a):
    return (str(a), repr(a), f"{a}", format(a, ".2f"))


def complex_from_parts(r, i):
    c = complex(r, i)
    return (c, c * 1j, c + 1, c == r + i * 1j)


# ---------------------------------------------------------------- bool / None

def bool_arith(a, b):
    return (a + b, a * b, a - b, a & b, a | b, a ^ b, ~a, -a, a / 1 if b else a // 1,
            str(a), repr(b), int(a), a == 1, a is True)


def bool_short_circuit(a, b):
    return (a and b, a or b, not a, (a and "x") or "y", b or None)


def none_handling(x):
    return (x is None, x is not None, x == None, str(x), repr(x), bool(x), [x, x])  # noqa: E711


def truthiness(values):
    out = []
    for v in values:
        out.append((bool(v), not v, 1 if v else 0))
    return out


def mixed_numeric_tower(a, b, c):
    return (a + b, a + c, b + c, type(a + b).__name__, type(b + c).__name__,
            a * b * c, a == b, b == c)


def print_numbers(a, x):
    print(a, x, -x, a * 10 ** 20)
    print(repr(x), str(a), sep="|")
    print(1.0, 1e16, 1e-5, 123456789.0, 0.1 + 0.2, end="!\n")
    return None


def int_str_base(s, base):
    return int(s, base)


def int_underscore_literal():
    return (1_000_000, 0x_ff, 0b1010_1010, 0o777, 1_0.5e1_0)


def augmented_ops(a):
    x = a
    x += 3
    x *= 2
    x -= 1
    x //= 3
    x **= 2
    x %= 1000
    x <<= 2
    x >>= 1
    x |= 5
    x &= 0xFFF
    x ^= 0x0F0
    return x


def float_aug_ops(x):
    y = x
    y += 0.5
    y *= 3.0
    y /= 2.0
    y -= 0.25
    y **= 2
    return y


def int_hash_stable(a):
    return (hash(a), hash(-1), hash(2 ** 61), hash(True), hash(0.5))


CASES = [
    case(int_arith, 7, 3),
    case(int_arith, -7, 3),
    case(int_arith, 0, -0),
    case(int_arith, 2 ** 100, -(2 ** 70)),
    case(int_div_mod, 7, 3),
    case(int_div_mod, -7, 3),
    case(int_div_mod, 7, -3),
    case(int_div_mod, -7, -3),
    case(int_div_mod, 10 ** 30 + 17, 10 ** 12 - 1),
    case(int_div_mod, -(10 ** 40), 7),
    case(int_div_mod, 5, 0),
    case(int_bitwise, 0b1011, 0b0110),
    case(int_bitwise, -12345, 255),
    case(int_bitwise, 2 ** 80 + 5, -(2 ** 64)),
    case(int_shift, 1, 100),
    case(int_shift, -(2 ** 90), 45),
    case(int_shift, 5, -1),
    case(int_pow, 2, 100),
    case(int_pow, -3, 41),
    case(int_pow, 2, -2),
    case(int_pow, 0, 0),
    case(int_pow, 0, -1),
    case(int_pow, 10, 0),
    case(int_pow_mod, 3, 10 ** 20, 1000000007),
    case(int_pow_mod, 3, -1, 7),
    case(int_pow_mod, 2, -1, 4),
    case(int_pow_mod, 2, 10, 0),
    case(int_big_factorial_digits, 60),
    case(int_big_factorial_digits, 1),
    case(int_big_mixed, 10 ** 25 + 3),
    case(int_big_mixed, -(3 ** 50)),
    case(int_bit_length_and_count, 0),
    case(int_bit_length_and_count, 2 ** 100 - 1),
    case(int_bit_length_and_count, -255),
    case(int_from_bytes_roundtrip, -(2 ** 120) + 12345),
    case(int_from_bytes_roundtrip, 2 ** 200),
    case(int_true_div_big, 10 ** 400, 10 ** 399),
    case(int_true_div_big, 10 ** 400, 3),
    case(int_true_div_big, 1, 3),
    case(int_compare_chain, 1, 2, 3),
    case(int_compare_chain, 3, 3, 3),
    case(int_compare_chain, 1, 5, 2),
    case(int_compare_chain, 2 ** 100, 2 ** 100 + 1, -1),
    case(float_arith, 7.5, 2.0),
    case(float_arith, -7.5, 2.0),
    case(float_arith, 0.1, 0.2),
    case(float_arith, 1e308, 1e-308),
    case(float_arith, 5.0, 0.0),
    case(float_arith, 5.0, -0.0),
    case(float_arith, float("inf"), 3.0),
    case(float_arith, 3.0, float("inf")),
    case(float_arith, -3.0, float("inf")),
    case(float_specials, float("inf")),
    case(float_specials, float("-inf")),
    case(float_specials, float("nan")),
    case(float_specials, 5e-324),
    case(float_specials, 1.7976931348623157e308),
    case(float_neg_zero, -0.0),
    case(float_neg_zero, 0.0),
    case(float_repr_forms, 0.1),
    case(float_repr_forms, 1e16),
    case(float_repr_forms, 123456.789),
    case(float_repr_forms, -1.5e-7),
    case(float_repr_forms, float("nan")),
    case(float_repr_forms, float("-inf")),
    case(float_repr_forms, -0.0),
    case(float_round_forms, 2.5),
    case(float_round_forms, 3.5),
    case(float_round_forms, -2.675),
    case(float_round_forms, 0.125),
    case(float_round_forms, 1234.5678),
    case(float_round_forms, float("inf")),
    case(float_round_forms, float("nan")),
    case(float_pow, 2.0, 0.5),
    case(float_pow, -8.0, 1.0 / 3.0),
    case(float_pow, 0.0, -1.0),
    case(float_pow, 10.0, 400.0),
    case(float_pow, float("nan"), 0.0),
    case(float_pow, 1.0, float("nan")),
    case(float_pow, -1.0, float("inf")),
    case(float_mod_signs, 7.5, 2.0),
    case(float_mod_signs, 1e-300, 3.0),
    case(float_mod_signs, 6.0, 3.0),
    case(float_int_conversions, 3.99),
    case(float_int_conversions, -3.99),
    case(float_int_conversions, 1e20),
    case(float_int_conversions, 0.1),
    case(float_hex_roundtrip, 0.1),
    case(float_hex_roundtrip, -1234.5e-200),
    case(float_overflow_to_int, float("inf")),
    case(float_overflow_to_int, float("nan")),
    case(float_compare_with_int, 2.0, 2),
    case(float_compare_with_int, 2.5, 2),
    case(float_compare_with_int, 1e20, 10 ** 20),
    case(float_compare_with_int, 9007199254740992.0, 2 ** 53 + 1),
    case(float_compare_with_int, float("inf"), 10 ** 400),
    case(float_compare_with_int, float("nan"), 0),
    case(float_from_str, "  -1.25e3 "),
    case(float_from_str, "inf"),
    case(float_from_str, "-NaN"),
    case(float_from_str, "1_000.5"),
    case(float_from_str, "abc"),
    case(float_from_str, ""),
    case(float_big_int_mix, 10 ** 20 + 1),
    case(float_big_int_mix, 10 ** 400),
    case(complex_arith, 1 + 2j, 3 - 4j),
    case(complex_arith, 5 + 0j, 2j),
    case(complex_arith, -1.5 + 0.5j, -1.5 + 0.5j),
    case(complex_arith, 1 + 1j, 0j),
    case(complex_pow, 1j, 2),
    case(complex_pow, 1 + 1j, 10),
    case(complex_pow, 2 + 3j, -1),
    case(complex_repr, 1 + 2j),
    case(complex_repr, -0.0 - 1j),
    case(complex_repr, complex(float("inf"), float("nan"))),
    case(complex_repr, 3j),
    case(complex_from_parts, 2.0, -3.0),
    case(complex_from_parts, 0, 0),
    case(bool_arith, True, False),
    case(bool_arith, True, True),
    case(bool_arith, False, False),
    case(bool_short_circuit, 0, 5),
    case(bool_short_circuit, 3, ""),
    case(bool_short_circuit, [], None),
    case(none_handling, None),
    case(none_handling, 0),
    case(truthiness, [0, 1, -1, 0.0, -0.0, float("nan"), "", "a", [], [0], (), {}, None, 0j, 1j,
                      set(), frozenset([1]), range(0), range(1), b"", b"\x00"]),
    case(mixed_numeric_tower, True, 2, 3.5),
    case(mixed_numeric_tower, 1, 1.0, 1 + 0j),
    case(mixed_numeric_tower, 2 ** 70, 0.5, 2j),
    case(print_numbers, 42, 2.5),
    case(print_numbers, -(10 ** 25), float("-inf")),
    case(int_str_base, "ff", 16),
    case(int_str_base, "-0b101", 0),
    case(int_str_base, "  42  ", 10),
    case(int_str_base, "z", 36),
    case(int_str_base, "12x", 10),
    case(int_str_base, "9", 8),
    case(int_str_base, "1" * 80, 2),
    case(int_underscore_literal),
    case(augmented_ops, 17),
    case(augmented_ops, -4),
    case(float_aug_ops, 1.5),
    case(float_aug_ops, -0.0),
    case(int_hash_stable, 12345),
]
