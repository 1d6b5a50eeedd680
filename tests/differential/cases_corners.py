"""Differential cases for the corners of str/bytes/int/float/complex
methods, itertools/functools/operator, closures and calls, class protocols,
exceptions, generators, formatting and printing."""
import cmath
import functools
import itertools
import math
import operator

from case import case, refused


# ---------------------------------------------------------------------------
# str methods
# ---------------------------------------------------------------------------

def s_partition_cases():
    out = []
    for s in ("a=b=c", "abc", "", "=", "==", "a=", "=a"):
        out.append((s.partition("="), s.rpartition("="), s.partition("=="), s.rpartition("b=")))
    return out


def s_partition_empty_sep(s):
    return s.partition("")


def s_rpartition_bad_type(s):
    return s.rpartition(3)


def s_expandtabs_cases():
    out = []
    for s in ("a\tb", "\t", "ab\tc\td", "abcdefgh\tx", "a\nb\tc", "a\r\tb", "\t\t", "x\ty\n\tz"):
        out.append((s.expandtabs(), s.expandtabs(0), s.expandtabs(1), s.expandtabs(3), s.expandtabs(-1),
                    s.expandtabs(tabsize=5)))
    return out


def s_maketrans_forms():
    t1 = str.maketrans({"a": "1", "b": None, 99: "CC"})
    t2 = str.maketrans("ab", "ba")
    t3 = str.maketrans("", "", "xyz")
    s = "abcxyzabc"
    return (sorted(t1.items()), sorted(t2.items()), sorted(t3.items()),
            s.translate(t1), s.translate(t2), s.translate(t3))


def s_maketrans_unequal():
    return str.maketrans("abc", "de")


def s_maketrans_bad_key():
    return str.maketrans({"ab": "x"})


def s_translate_list_table(s):
    table = {i: chr(i).upper() for i in range(97, 100)}
    return s.translate(table)


def s_translate_bad_value(s):
    return s.translate({97: 5})


def s_casefold_special():
    return ("Straße".casefold(), "ﬁ".casefold(), "ΣΑΣ".casefold(), "ǅ".casefold(), "İ".casefold(),
            "Straße".lower(), "ß".upper(), "ﬁ".upper(), "ǆ".title(), "ŉ".upper())


def s_center_fill_parity():
    out = []
    for s in ("", "a", "ab", "abc", "abcd"):
        for w in (0, 1, 4, 5, 6, 7):
            out.append((s.center(w, "*"), s.ljust(w, "-"), s.rjust(w, "."), s.zfill(w)))
    return out


def s_zfill_signs():
    return ("-42".zfill(6), "+42".zfill(6), "--1".zfill(5), "-".zfill(3), "+".zfill(1), "abc".zfill(5),
            "".zfill(3), "-0.5".zfill(7), "٣".zfill(3))


def s_ljust_bad_fill(s):
    return s.ljust(10, "")


def s_rjust_bad_width(s):
    return s.rjust("3")


def s_splitlines_variants():
    s = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l\n\n"
    return (s.splitlines(), s.splitlines(True), s.splitlines(keepends=True), "".splitlines(),
            "\n".splitlines(), "x".splitlines(True), "\r\n\r".splitlines(True))


def s_split_whitespace_kinds():
    s = " a\u3000b\xa0c\x1cd\te\u2003f  "
    return (s.split(), s.split(None, 2), s.rsplit(None, 2), s.split(maxsplit=1), s.rsplit(maxsplit=0),
            "  ".split(), "  ".split(" "), "a  b".split(" "), "a,b,,c,".split(",", -1), "a,b,c".rsplit(",", 1))


def s_numeric_predicates():
    out = []
    for s in ("123", "½", "²", "٣", "Ⅻ", "一", "1.5", "", "-1", "①", "０", "𝟗", "᠐", "¼", "x1"):
        out.append((s, s.isdigit(), s.isnumeric(), s.isdecimal(), s.isalnum(), s.isalpha()))
    return out


def s_identifier_predicates():
    out = []
    for s in ("abc", "_", "1a", "a1", "", "é", "π_2", "a-b", "class", "None", "ℕ", "a b", "\u2160x", "x\u0301"):
        out.append((s, s.isidentifier()))
    return out


def s_case_predicates():
    out = []
    for s in ("Hello World", "Hello world", "HELLO", "hello", "123", "A1b", "Ǆ", "ǅungla", "", "ß", "A_B", "Hello  World"):
        out.append((s, s.istitle(), s.isupper(), s.islower(), s.title(), s.capitalize(), s.swapcase()))
    return out


def s_printable_space():
    out = []
    for s in ("abc", "a\nb", "\x7f", " ", "\t", "\u200b", "\xa0", "", "\u3000", "é"):
        out.append((s.isprintable(), s.isspace(), s.isascii()))
    return out


def s_title_apostrophes():
    return ("they're bill's friends".title(), "hello-world foo_bar 3rd".title(), "ÉCOLE élève".title(),
            "aBC dEF".capitalize(), "ǉ".capitalize(), "ﬁsh".title())


def s_find_negative_bounds():
    s = "abcabcabc"
    return (s.find("c", -4), s.rfind("a", -7, -1), s.count("", 2, 5), s.count(""), s.find("", 20),
            s.find("", 9), s.rfind(""), s.index("b", -3), s.startswith("bc", 1, 3), s.endswith(("x", "ab"), 0, 5),
            s.count("abca"), "aaaa".count("aa"), s.find("abc", 1, 3))


def s_index_bounds_error():
    return "abcabc".index("a", 1, 3)


def s_startswith_bad(s):
    return s.startswith(["a"])


def s_replace_edge():
    return ("aaa".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "aaaa".replace("aa", "b"),
            "abc".replace("b", "", 0), "abc".replace("b", "X", -1), "ababab".replace("ab", "ba", 2))


def s_strip_chars_multi():
    return ("xxhixyx".strip("xy"), "  \t\nhi\r ".strip(), "abc".strip(""), "aaa".lstrip("a"), "".strip("a"),
            "\u3000hi\u3000".strip(), "hi".strip(None), "www.example.com".rstrip("mco."))


def s_removeprefix_suffix():
    return ("abcabc".removeprefix("abc"), "abc".removeprefix(""), "abc".removesuffix("abc"),
            "ab".removesuffix("abc"), "aab".removeprefix("a"))


def s_join_mixed_error():
    return ",".join(["a", 1, "b"])


def s_join_generator_and_dict():
    return ("-".join(c * 2 for c in "abc"), "".join({"x": 1, "y": 2}), "/".join(("a",)), "".join([]),
            ", ".join(map(str, range(5))))


def s_mul_big_negative():
    return ("ab" * 0, "ab" * -5, "" * 100, "x" * True, 3 * "ab")


def s_encode_variants():
    s = "héllo €"
    return (s.encode(), s.encode("utf-16-le"), s.encode("ascii", "ignore"), s.encode("ascii", "replace"),
            s.encode("ascii", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"), s.encode("latin-1", "replace"))


def s_str_of_bytes():
    return (str(b"ab"), str(b"ab", "ascii"), str(b"h\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"),
            str(bytearray(b"x")))


def s_compare_unicode():
    words = ["é", "e", "z", "E", "Z", "ä", "a", "", "aa", "a\x00", "\U0001F600", "\uffff"]
    return sorted(words), min(words), max(words)


def s_format_map_dict():
    return "{a}-{b}".format_map({"a": 1, "b": [2]})


def s_format_fields():
    p = (1, 2)
    d = {"k": "v"}
    return ("{0[0]}{0[1]}".format(p), "{d[k]}".format(d=d), "{:>{}}".format("x", 4), "{!s:^5}".format(None),
            "{0!a}".format("é"), "{:%}".format(0.25), "{0:{1}{2}}".format(3.14159, ".", "3"))


def s_format_index_error():
    return "{2}".format(1, 2)


def s_format_mixed_numbering():
    return "{} {0}".format(1, 2)


def s_format_key_error():
    return "{name}".format(nme=1)


# ---------------------------------------------------------------------------
# format spec mini-language
# ---------------------------------------------------------------------------

def fmt_grouping():
    return (format(1234567, ","), format(1234567, "_"), format(-1234567.891, ",.2f"), format(1234567, "_x"),
            format(255, "_b"), format(123456789, "_o"), format(0, ","), format(12345.6789, "_.1f"),
            format(10 ** 20, ","), format(1234, "08,"), format(1234, "010_"))


def fmt_percent_e_g():
    return (format(0.123456, "%"), format(0.5, ".0%"), format(1.0, ".1%"), format(123456.0, "e"),
            format(0.000123, ".2e"), format(1e-10, "g"), format(123456789.0, "g"), format(1e16, "g"),
            format(0.0001, "g"), format(0.00001, "g"), format(100.0, ".3g"), format(1234.5, ".2g"),
            format(1.0, "#g"), format(0.0, "e"), format(-0.0, "g"), format(12, "e"), format(5, "%"))


def fmt_alternate_forms():
    return (format(255, "#x"), format(255, "#X"), format(255, "#o"), format(5, "#b"), format(-255, "#x"),
            format(255, "#010x"), format(255, "=^10"), format(-3, "=+8"), format(3, " d"), format(-3, " d"),
            format(3, "+d"), format(1.5, "#.0f"), format(2.0, "#.0e"), format(10, "c"), format(65, "^5c"))


def fmt_fill_align():
    return (format("ab", "*^7"), format("ab", "*<7"), format("ab", "*>7"), format(42, "0>6"), format(42, "x<6"),
            format(-42, "*=8"), format(-42, "08"), format(3.5, "^10.2f"), format("abcdef", ".3"), format("abc", "10.2"),
            format("é", "→^5"), format(True, ">5"), format(True, "d"), format(None, ""), format([1, 2], ""))


def fmt_float_defaults():
    return (format(1e16, ""), format(1.5, ""), format(1e-5, ""), format(float("inf"), ">6"), format(float("nan"), "+"),
            format(float("-inf"), "08.2f"), format(1.0, "n"), format(1234567.0, ","), format(0.1, ".20f"),
            format(2.5, ".0f"), format(3.5, ".0f"), format(-0.0, ".1f"), format(1e300, ".3"), format(123.456, ".0e"))


def fmt_int_float_specs_on_int():
    return (format(5, "f"), format(5, ".2e"), format(5, "g"), format(10 ** 17, "g"), format(7, "%"), format(True, "f"))


def fmt_bad_spec_str():
    return format("abc", "d")


def fmt_bad_spec_float_x():
    return format(1.5, "x")


def fmt_bad_comma_s():
    return format("abc", ",")


def fmt_bad_precision_int():
    return format(3, ".2d")


def fmt_bad_sign_str():
    return format("a", "+")


def fmt_complex():
    z = 1.5 - 2.25j
    return (format(z, ""), format(z, ".2f"), format(z, "^20"), format(z, "+.1e"), format(1j, "g"), format(complex(0, 0), ""),
            str(complex(-0.0, -0.0)), repr(complex(1, float("nan"))))


def fmt_nested_fstrings(x, w):
    name = "val"
    return (f"{f'{x:{w}}'!r}", f"{x:>{w}.{w - 3}f}", f"{name!r:*^{w + 4}}", f"{'nested' + f'{x:.1f}'}",
            f"{x=}", f"{x = :.2f}", f"{[x, name]!s:>20}", f"{x:{'>' if w > 5 else '<'}{w}}", f"{{{x}}}")


def fmt_percent_ops():
    return ("%5.2f|%-6d|%+d|%x|%#o|%e|%g|%c|%r|%s|%%" % (3.14159, 42, 5, 255, 8, 1234.5, 0.00001, 65, "a", None),
            "%(a)s-%(b)d" % {"a": "x", "b": 3}, "%*d" % (5, 42), "%.*f" % (2, 1.23456), "%03d" % -5,
            "%s" % (1,), "%s" % [1, 2], "%i" % 3.9, "%c" % "z", "%5s|%-5s|" % ("ab", "cd"))


def fmt_percent_bad_char():
    return "%c" % "ab"


def fmt_percent_float_x():
    return "%x" % 1.5


# ---------------------------------------------------------------------------
# bytes / bytearray
# ---------------------------------------------------------------------------

def b_methods_split():
    b = b"  a,b,,c  "
    return (b.split(), b.split(b","), b.rsplit(b",", 1), b.strip(), b.lstrip(b" a"), b.partition(b","),
            b.rpartition(b","), b"a\nb\r\nc".splitlines(), b"a\nb\r\nc".splitlines(True), b"ab".split(maxsplit=0))


def b_methods_case():
    b = b"Hello World 123"
    return (b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize(), b.isalpha(), b.isalnum(),
            b"abc".isalpha(), b"123".isdigit(), b"   ".isspace(), b"Ab".istitle(), b"AB".isupper(), b"\xe9".isalpha(),
            b"\xc3\xa9".upper())


def b_methods_find():
    b = b"abcabc"
    return (b.find(b"c"), b.rfind(b"a"), b.count(b"b"), b.index(b"ca"), b.find(99), b.count(97), b.startswith(b"ab"),
            b.endswith((b"x", b"bc")), b.replace(b"b", b"BB"), b.replace(b"", b"-"), 98 in b, b"ca" in b, b.rindex(b"b"))


def b_methods_pad():
    b = b"ab"
    return (b.center(6, b"*"), b.ljust(5), b.rjust(5, b"0"), b.zfill(5), b"-3".zfill(4), b"a\tb".expandtabs(4),
            b.join([b"x", b"y", b"z"]), b"".join([bytearray(b"q"), b"r"]))


def b_hex_fromhex():
    b = bytes(range(0, 256, 37))
    return (b.hex(), b.hex(":"), b.hex("-", 2), b.hex(" ", -2), bytes.fromhex("de ad BE EF"), bytes.fromhex(""),
            bytearray.fromhex("0a0b"), b"".hex())


def b_fromhex_bad():
    return bytes.fromhex("abc")


def b_translate_maketrans():
    t = bytes.maketrans(b"abc", b"xyz")
    return (b"aabbcc".translate(t), b"hello".translate(None, b"l"), b"abc".translate(t, b"a"), len(t), t[97:100])


def b_index_slice_types():
    b = b"hello"
    ba = bytearray(b"hello")
    return (b[0], b[-1], b[1:3], b[::-1], ba[0], ba[1:3], type(ba[1:3]).__name__, list(b[:2]), b[5:], ba[::2])


def b_concat_types():
    return (b"a" + bytearray(b"b"), bytearray(b"a") + b"b", type(b"a" + bytearray(b"b")).__name__,
            type(bytearray(b"a") + b"b").__name__, b"ab" * 3, bytearray(b"x") * 2, b"a" == bytearray(b"a"))


def b_compare_ordering():
    items = [b"b", b"a", b"", b"ab", b"\xff", b"\x00"]
    return (sorted(items), b"a" < b"b", b"ab" > b"a", max(items), bytearray(b"a") < b"b")


def b_compare_str_error():
    return b"a" < "a"


def b_bytearray_mutations():
    ba = bytearray(b"hello")
    ba[0] = 72
    ba.append(33)
    ba.extend(b"??")
    ba[1:3] = b"EE"
    del ba[-1]
    ba.insert(0, 62)
    x = ba.pop()
    ba.remove(108)
    ba.reverse()
    return (bytes(ba), x, len(ba))


def b_bytearray_bad_item():
    ba = bytearray(b"abc")
    ba[0] = 256
    return ba


def b_bytearray_iadd_imul():
    ba = bytearray(b"ab")
    ba += b"cd"
    ba *= 2
    return bytes(ba), ba.count(b"a"), ba.find(b"cd", 3)


def b_constructors():
    return (bytes(3), bytes([1, 2, 255]), bytes("é", "utf-8"), bytearray(2), bytes(bytearray(b"z")), bytes(range(3)),
            bytes(b"abc"), bytearray(), bytes())


def b_constructor_bad():
    return bytes([256])


def b_constructor_str_no_encoding():
    return bytes("abc")


def b_decode_errors():
    b = b"a\xffb\xc3"
    return (b.decode("utf-8", "replace"), b.decode("utf-8", "ignore"), b.decode("latin-1"),
            b.decode("utf-8", "backslashreplace"), b"\xe2\x82\xac".decode())


def b_repr_forms():
    return (repr(b"a'b"), repr(b'a"b'), repr(b"a'\"b"), repr(b"\t\n\r\x00\x7f\x80"), repr(bytearray(b"x'")),
            str(b"\\"), repr(bytearray()))


def b_percent_format():
    return (b"%s-%d" % (b"ab", 5), b"%x" % 255, b"%5b|" % b"hi", b"%c" % 65, b"%%")


def b_int_from_iteration():
    out = 0
    for x in b"\x01\x02\x03":
        out = out * 256 + x
    return out, sum(b"abc"), [x for x in bytearray(b"hi")]


# ---------------------------------------------------------------------------
# int methods
# ---------------------------------------------------------------------------

def i_bit_length_table():
    return [(n, n.bit_length(), n.bit_count()) for n in (0, 1, -1, 2, 7, -8, 255, 256, 2 ** 64, -(2 ** 64), 10 ** 30)]


def i_to_bytes_signed():
    return ((-1).to_bytes(2, "big", signed=True), (255).to_bytes(2, "little"), (-129).to_bytes(2, "big", signed=True),
            (127).to_bytes(1, "big", signed=True), (0).to_bytes(0, "big"), (1024).to_bytes(4, byteorder="little"),
            (2 ** 70).to_bytes(9, "big"), (5).to_bytes())


def i_to_bytes_overflow():
    return (128).to_bytes(1, "big", signed=True)


def i_to_bytes_negative_unsigned():
    return (-1).to_bytes(1, "big")


def i_from_bytes_signed():
    return (int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"),
            int.from_bytes(b"\x00\x80", "little", signed=True), int.from_bytes(b"", "big"),
            int.from_bytes([1, 2, 3], "little"), int.from_bytes(bytearray(b"\x01\x00"), byteorder="big"),
            int.from_bytes(b"\x80", "big", signed=True), bool.from_bytes(b"\x01", "big"))


def i_from_bytes_bad_order():
    return int.from_bytes(b"\x01", "middle")


def i_as_integer_ratio():
    return ((5).as_integer_ratio(), (-3).as_integer_ratio(), True.as_integer_ratio(), (0).as_integer_ratio(),
            (10 ** 25).as_integer_ratio(), (7).numerator, (7).denominator, (7).real, (7).imag, (7).conjugate(),
            type(True.as_integer_ratio()[0]).__name__)


def i_is_integer_311():
    return (5).__index__(), int(True), (3).__abs__(), (-3).__neg__(), (3).__pow__(2), (7).__rfloordiv__(30)


def i_divmod_negative_table():
    out = []
    for a in (7, -7, 0, 10 ** 20 + 1, -(10 ** 20) - 1):
        for b in (3, -3, 10 ** 19, -(10 ** 19)):
            out.append((divmod(a, b), a % b, a // b))
    return out


def i_pow3_table():
    out = []
    for (b, e, m) in ((2, 10, 1000), (-2, 3, 7), (2, 3, -7), (-2, 3, -7), (3, -1, 11), (3, -2, 11), (0, 0, 1),
                      (5, 0, 7), (10 ** 30, 10 ** 5, 10 ** 9 + 7), (7, 1, 1), (-1, -1, 5), (2, -1, -9)):
        out.append(pow(b, e, m))
    return out


def i_pow3_not_invertible():
    return pow(6, -1, 9)


def i_pow3_zero_mod():
    return pow(2, 3, 0)


def i_pow3_float():
    return pow(2.0, 3, 5)


def i_pow_negative_exp():
    return (2 ** -2, (-2) ** -3, pow(-8, 1 / 3).__class__.__name__, 0 ** 0, pow(0, 0), 0.0 ** 0, (-2) ** 0.5)


def i_zero_neg_pow():
    return 0 ** -1


def i_round_negative_ndigits():
    return (round(12345, -2), round(12355, -1), round(-12350, -2), round(15, -1), round(25, -1), round(5, -1),
            round(123, 0), round(123, 5), round(10 ** 25 + 5 * 10 ** 4, -5), type(round(5, -1)).__name__,
            round(1234.5678, -2), round(-1250.0, -2), round(1.5e300, -299), round(2.675, 2), round(0.5), round(-0.5),
            round(1.5), round(2.5, None), round(float("inf"), 2))


def i_round_bad_ndigits():
    return round(3, 1.5)


def i_big_arith():
    a = 10 ** 1000
    b = 3 ** 2000
    return ((a + 1) % 97, b // a, len(str(a * b)), (a - b) < 0, str(a // 7)[:30], (b % a) % 1000003, -a // 3 % 11,
            a.bit_length(), b & (2 ** 64 - 1), (b >> 3000) , (a | 1) ^ a, hash(a) == hash(a * 1), a == float(a) )


def i_big_str_repr():
    a = 7 ** 500
    return (str(a)[-20:], hex(a)[:20], oct(a)[-10:], bin(a)[-12:], format(a, ",")[:25], int(str(a)) == a,
            int(hex(a), 16) == a, -a < a, abs(-a) == a)


def i_big_float_conversion():
    return (float(2 ** 1023), float(10 ** 308), int(1e308) % 1000, (10 ** 400) / (10 ** 399), 10 ** 400 // 10 ** 398,
            (2 ** 1024 - 1) / 2 ** 1000, math.floor(1e20) == 10 ** 20)


def i_big_float_overflow():
    return float(10 ** 400)


def i_int_constructor_forms():
    return (int("  42  "), int("-0x1f", 16), int("0b101", 0), int("0o17", 0), int("1_000"), int("z", 36),
            int(" +7 "), int(3.99), int(-3.99), int("٣"), int(b"42"), int(True), int("10", base=2))


def i_int_bad_literal():
    return int("1__0")


def i_int_bad_base():
    return int("12", 1)


def i_int_float_str():
    return int("1.5")


def i_bool_ops():
    return (True + True, True * 3, -True, ~True, True / 2, True // 2, True & False, True | 2, True ^ True,
            type(True & True).__name__, type(True | 2).__name__, True << 3, sum([True, True, False]))


def i_bitwise_negative():
    return (-5 & 3, -5 | 3, -5 ^ 3, ~-5, -1 >> 10, -1024 >> 3, (-1) << 100, -(2 ** 100) >> 99, 5 & -(2 ** 70),
            -(2 ** 70) | 1)


# ---------------------------------------------------------------------------
# float methods
# ---------------------------------------------------------------------------

def f_hex_fromhex():
    vals = (0.0, -0.0, 1.0, 0.1, -2.5, 1e-310, 1.7976931348623157e308, 3.0)
    return ([v.hex() for v in vals], float.fromhex("0x1.8p1"), float.fromhex("-0X1P-2"), float.fromhex(" 0x.8 "),
            float.fromhex("inf"), float.fromhex("0x1p-1074"), float.fromhex("1"), float.fromhex("0x1.fffffffffffffp1023"))


def f_fromhex_bad():
    return float.fromhex("0x1g")


def f_fromhex_overflow():
    return float.fromhex("0x1p1024")


def f_is_integer_ratio():
    vals = (0.5, -0.75, 3.0, 1e20, 0.1, -0.0, 2.0 ** -1074)
    return [(v.is_integer(), v.as_integer_ratio()) for v in vals]


def f_ratio_inf():
    return float("inf").as_integer_ratio()


def f_ratio_nan():
    return float("nan").as_integer_ratio()


def f_methods_misc():
    x = -2.5
    return (x.real, x.imag, x.conjugate(), abs(x), x.__trunc__(), math.trunc(x), math.floor(x), math.ceil(x),
            round(x), int(x), x.__floor__(), float.__round__(2.5), (2.5).__round__(0))


def f_inf_nan_arith():
    inf = float("inf")
    nan = float("nan")
    return (inf - inf, inf * 0, inf / inf, -inf, inf + 1 == inf, inf > 10 ** 1000, -inf < -(10 ** 1000), nan == nan,
            nan is nan, math.isnan(nan * 0), min(inf, -inf), 1 / inf, -1 / inf, math.copysign(1, -1 / inf), inf % 3,
            3 % inf, -3 % inf, 3.0 // inf, -3.0 // inf, math.fmod(3, inf))


def f_inf_to_int():
    return int(float("inf"))


def f_nan_to_int():
    return int(float("nan"))


def f_nan_sorting():
    nan = float("nan")
    xs = [3.0, nan, 1.0, 2.0, nan, 0.0]
    s = sorted(xs)
    return ([repr(v) for v in s], [repr(v) for v in sorted([nan, 2.0, 1.0])], max([1.0, nan, 3.0]), min([nan, 1.0, 3.0]),
            repr(max([nan, 1.0])), nan in [nan], [nan].count(nan), [nan].index(nan))


def f_nan_set_dict():
    nan = float("nan")
    s = {nan, nan, float("nan")}
    d = {nan: 1}
    return (len(s), len({1.0, 1, True}), d.get(nan), d.get(float("nan"), "miss"), {0.0, -0.0}, {-0.0: "a", 0.0: "b"})


def f_division_corners():
    return (1 / 3, 2 / 3, 10 / 4, -7 / 2, 7 // 2.0, -7 // 2.0, 7 % -2.5, 1e308 * 10, -1e308 * 10, 5e-324 / 2,
            0.1 * 3, 1 - 0.9, 100 * 1.1, 2 ** 0.5, 10 ** -2, 4 ** 0.5, (-8) ** (1 / 3) == (-8) ** (1 / 3))


def f_float_zero_div():
    return 1.0 / 0.0


def f_float_mod_zero():
    return 1.0 % 0.0


def f_float_pow_overflow():
    return 10.0 ** 400


def f_float_neg_frac_pow():
    return (-8.0) ** (1 / 3)


def f_float_constructor():
    return (float("  1.5  "), float("1_0.5"), float("-inf"), float("+NaN").__class__.__name__, float("1e500"),
            float("-0"), float(" .5"), float("5."), float(True), float("infinity"), float("1E-3"), float(10 ** 20))


def f_float_bad_str():
    return float("1.5.2")


def f_float_repr_table():
    return [repr(x) for x in (1e15, 1e16, 1e-4, 1e-5, 0.1 + 0.2, 1 / 3, 2.0 ** 60, 123456789012345678.0, 5e-324,
                              -1.5e-7, 1e22, 9.999999999999999e22)]


def f_float_hash():
    return (hash(1.0) == hash(1), hash(0.5), hash(-0.0) == hash(0.0), hash(float("inf")), hash(-1.0), hash(2.0 ** 64))


# ---------------------------------------------------------------------------
# complex / cmath
# ---------------------------------------------------------------------------

def c_arith():
    a = 3 + 4j
    b = 1 - 2j
    return (a + b, a - b, a * b, a / b, a ** 2, a ** 0.5, abs(a), a.conjugate(), -a, +a, a == 3 + 4j, a != b,
            a * 2, 2 / a, a.real, a.imag, complex(2) == 2, 1j ** 2, (1 + 1j) ** 8, (2j) ** -1)


def c_construct():
    return (complex("1+2j"), complex(" 3j "), complex("-1.5e2-0.5j"), complex(1, 2), complex(1j, 1j), complex(),
            complex(2.5), complex("inf+nanj").real, complex(real=1, imag=-1), complex("1"), complex(True, False))


def c_construct_bad():
    return complex("1 + 2j")


def c_compare_error():
    return 1j < 2j


def c_floordiv_error():
    return (1 + 2j) // 1


def c_zero_div():
    return (1 + 1j) / 0


def c_zero_pow_neg():
    return 0j ** -1


def c_int_conversion():
    return int(1 + 0j)


def c_hash_eq():
    return (hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), {1: "a", 1 + 0j: "b", 1.0: "c"}, 1j in {1j: 0},
            len({0j, 0, 0.0, False}))


def c_repr_table():
    return [repr(z) for z in (1j, -1j, 0j, -0j, complex(-0.0, 0), complex(1, -0.0), 1.5 + 2j, 1e20j, complex(1e-5, 1e16),
                              complex(float("inf"), -1), complex(0, float("nan")), (1 + 2j) * 1.0)]


def c_cmath_funcs():
    z = 1 + 1j
    return (cmath.sqrt(-1), cmath.sqrt(z), cmath.exp(z), cmath.log(z), cmath.log(z, 2), cmath.log10(z), cmath.phase(-1),
            cmath.phase(complex(-1, -0.0)), cmath.polar(z), cmath.rect(2, math.pi / 2), cmath.sin(z), cmath.cos(z),
            cmath.tan(z), cmath.asin(z), cmath.acos(2), cmath.atan(z), cmath.sinh(z), cmath.cosh(z), cmath.tanh(z),
            cmath.asinh(z), cmath.acosh(z), cmath.atanh(0.5), cmath.isfinite(z), cmath.isinf(complex(math.inf, 0)),
            cmath.isnan(complex(0, math.nan)), cmath.isclose(z, 1 + 1.0000000001j), cmath.pi, cmath.e, cmath.tau,
            cmath.inf, cmath.infj, repr(cmath.nanj))


def c_cmath_sqrt_neg_zero():
    return (cmath.sqrt(complex(-4, -0.0)), cmath.sqrt(complex(-4, 0.0)), cmath.sqrt(-0.0), cmath.exp(0), cmath.log(-1))


def c_cmath_domain():
    return cmath.atanh(1)


def c_cmath_log0():
    return cmath.log(0)


# ---------------------------------------------------------------------------
# rational arithmetic by hand, numeric algorithms
# ---------------------------------------------------------------------------

def _gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


def _rat(n, d):
    if d == 0:
        raise ZeroDivisionError("rational denominator is zero")
    if d < 0:
        n, d = -n, -d
    g = _gcd(n, d) or 1
    return (n // g, d // g)


def _radd(a, b):
    return _rat(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _rmul(a, b):
    return _rat(a[0] * b[0], a[1] * b[1])


def rat_harmonic(n):
    acc = (0, 1)
    for k in range(1, n + 1):
        acc = _radd(acc, (1, k))
    return acc, acc[0] / acc[1], len(str(acc[1]))


def rat_bernoulli(n):
    # Akiyama-Tanigawa
    a = [None] * (n + 1)
    out = []
    for m in range(n + 1):
        a[m] = (1, m + 1)
        for j in range(m, 0, -1):
            diff = _radd(a[j - 1], (-a[j][0], a[j][1]))
            a[j - 1] = _rmul((j, 1), diff)
        out.append(a[0])
    return out


def rat_zero_den():
    return _rat(1, 0)


def rat_continued_fraction(x, y, steps):
    out = []
    while y and steps:
        q, r = divmod(x, y)
        out.append(q)
        x, y = y, r
        steps -= 1
    return out


def num_newton_isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x, x == math.isqrt(n)


def num_pi_digits(n):
    # Gibbons' spigot
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(str(d) for d in digits)


# ---------------------------------------------------------------------------
# sorting
# ---------------------------------------------------------------------------

def sort_multi_key_tuples():
    people = [("bob", 25, "NY"), ("alice", 30, "LA"), ("carol", 25, "LA"), ("dave", 30, "NY"), ("eve", 25, "NY"),
              ("bob", 20, "LA")]
    return (sorted(people, key=lambda p: (p[1], p[2])), sorted(people, key=lambda p: (-p[1], p[0])),
            sorted(people, key=lambda p: p[2], reverse=True), sorted(sorted(people, key=lambda p: p[0]), key=lambda p: p[1]))


def sort_stable_reverse_equal():
    xs = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (1, "e")]
    return (sorted(xs, key=lambda t: t[0], reverse=True), sorted(xs, key=operator.itemgetter(0)),
            sorted(reversed(xs), key=lambda t: t[0]))


def sort_key_error_propagates():
    return sorted([3, 1, 2], key=lambda x: 1 / (x - 2))


def sort_mixed_type_error():
    return sorted([1, "a", 2])


def sort_none_key_cmp():
    return sorted([(1, None), (1, None)])


def sort_none_key_error():
    return sorted([(1, None), (1, 2)])


def sort_list_method_key():
    xs = ["bb", "a", "ccc", "dd", "e"]
    xs.sort(key=len)
    ys = list(xs)
    ys.sort(key=len, reverse=True)
    zs = [3, 1, 2]
    r = zs.sort()
    return xs, ys, zs, r


def sort_by_str_lower():
    return (sorted(["b", "A", "a", "B", "c"], key=str.lower), sorted(["b", "A", "a", "B"]), sorted("hello"),
            sorted({3: 1, 1: 2}), sorted((3, 1, 2), reverse=True))


# ---------------------------------------------------------------------------
# itertools
# ---------------------------------------------------------------------------

def it_cwr():
    return (list(itertools.combinations_with_replacement("abc", 2)), list(itertools.combinations_with_replacement([], 2)),
            list(itertools.combinations_with_replacement(range(3), 0)), len(list(itertools.combinations_with_replacement(range(5), 3))))


def it_cycle_islice():
    return (list(itertools.islice(itertools.cycle("abc"), 7)), list(itertools.islice(itertools.cycle([]), 5)),
            list(itertools.islice(itertools.count(10, -2.5), 4)), list(itertools.islice(range(20), 2, 15, 4)),
            list(itertools.islice("abcdef", None)), list(itertools.islice("abcdef", 3, None)))


def it_islice_negative():
    return list(itertools.islice(range(5), -1))


def it_tee():
    a, b = itertools.tee(iter([1, 2, 3, 4]))
    first = [next(a), next(a)]
    rest_b = list(b)
    rest_a = list(a)
    c, d, e = itertools.tee(x * x for x in range(3))
    return first, rest_a, rest_b, list(c), list(d), list(e), len(itertools.tee("ab", 0))


def it_pairwise():
    return (list(itertools.pairwise("abcd")), list(itertools.pairwise([1])), list(itertools.pairwise([])),
            [b - a for a, b in itertools.pairwise([1, 4, 9, 16])])


def it_compress_filterfalse():
    return (list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.compress(range(10), itertools.cycle([0, 1]))),
            list(itertools.filterfalse(lambda x: x % 3, range(10))), list(itertools.filterfalse(None, [0, 1, "", "a", None, []])),
            list(itertools.compress("ab", [1])))


def it_starmap():
    return (list(itertools.starmap(pow, [(2, 3), (3, 2), (10, 0)])), list(itertools.starmap(lambda *a: sum(a), [(), (1,), (1, 2, 3)])),
            list(itertools.starmap(operator.mul, zip(range(4), range(4)))))


def it_accumulate_func_initial():
    return (list(itertools.accumulate([1, 2, 3, 4], operator.mul)), list(itertools.accumulate([1, 2, 3], initial=100)),
            list(itertools.accumulate([], initial=5)), list(itertools.accumulate([3, 1, 4, 1, 5], max)),
            list(itertools.accumulate("abc")), list(itertools.accumulate([1, 2, 3], lambda a, b: a * 10 + b, initial=0)),
            list(itertools.accumulate([5, 3], func=operator.sub)))


def it_product_permutations():
    return (list(itertools.product("ab", repeat=2)), list(itertools.product([1, 2], "xy", [True])),
            list(itertools.product()), list(itertools.permutations(range(3), 2)), list(itertools.permutations("ab", 3)),
            list(itertools.product([], [1])))


def it_groupby_sorted_key():
    data = sorted(["apple", "avocado", "banana", "blueberry", "cherry", "kiwi"], key=len)
    return [(k, list(g)) for k, g in itertools.groupby(data, key=len)], [k for k, _ in itertools.groupby("aaabbbcca")]


def it_chain_from_iterable_zip_longest():
    return (list(itertools.chain.from_iterable(["ab", [1, 2], (3,)])),
            list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.zip_longest()),
            list(itertools.chain()), list(itertools.repeat("x", 3)), list(zip(itertools.repeat(0), "ab")))


def it_dropwhile_takewhile():
    return (list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1, 2])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])),
            list(itertools.takewhile(bool, [])), list(itertools.dropwhile(bool, [1, 1])))


def it_starmap_error():
    return list(itertools.starmap(pow, [(1, 2, 3, 4)]))


def it_combinations_negative():
    return list(itertools.combinations("abc", -1))


# ---------------------------------------------------------------------------
# functools / operator
# ---------------------------------------------------------------------------

def ft_reduce_initial():
    return (functools.reduce(operator.add, [], 10), functools.reduce(lambda a, b: a + [b], "abc", []),
            functools.reduce(max, [3, 9, 2]), functools.reduce(operator.mul, range(1, 6), 1),
            functools.reduce(lambda acc, kv: acc + kv[0] * kv[1], {"a": 1}.items(), ""))


def ft_reduce_empty_no_init():
    return functools.reduce(operator.add, [])


def ft_partial_methods():
    up = functools.partial(str.upper)
    rep = functools.partial(str.replace, "banana", "a")
    sep = functools.partial(str.split, sep=",")
    p2 = functools.partial(functools.partial(pow, 2), 10)
    fmt = functools.partial("{}-{}".format, "x")
    return (up("abc"), rep("o"), rep("o", 1), sep("a,b"), p2(), fmt("y"), p2.args, rep.args, sep.keywords)


def ft_partial_kw_override():
    def f(a, b=2, *, c=3):
        return (a, b, c)
    p = functools.partial(f, b=10, c=20)
    return p(1), p(1, b=5), p(1, c=0), functools.partial(f, 1, 2)(c=9)


def ft_partial_too_many():
    p = functools.partial(divmod, 1, 2)
    return p(3)


def _cmp_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


def ft_cmp_to_key():
    words = ["pear", "fig", "apple", "kiwi", "date", "banana", "fig"]
    k = functools.cmp_to_key(_cmp_len_then_alpha)
    return (sorted(words, key=k), max(words, key=k), min(words, key=k),
            sorted(words, key=functools.cmp_to_key(lambda a, b: (b > a) - (b < a))))


@functools.singledispatch
def _describe(x):
    return "object"


@_describe.register
def _(x: int):
    return "int"


@_describe.register(str)
def _(x):
    return "str"


def ft_singledispatch():
    return _describe(1), _describe("a"), _describe(1.5), _describe(True)


@functools.total_ordering
class Ver:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


def ft_total_ordering():
    a, b = Ver(1), Ver(2)
    return (a <= b, a >= b, a > b, b >= a, Ver(3) <= Ver(3), sorted([Ver(3), Ver(1), Ver(2)], reverse=True)[0].n)


def ft_lru_cache_recursive(n):
    @functools.lru_cache(maxsize=None)
    def ways(k):
        if k < 0:
            return 0
        if k == 0:
            return 1
        return ways(k - 1) + ways(k - 2) + ways(k - 3)
    return ways(n)


def ft_wraps_name():
    def deco(f):
        @functools.wraps(f)
        def inner(*a, **k):
            return f(*a, **k) * 2
        return inner

    @deco
    def triple(x):
        """Triples."""
        return x * 3
    return triple(2), triple.__name__, triple.__doc__, triple.__wrapped__(2)


def op_attrgetter_multi():
    p = Pt(1, Pt(2, 3))
    g = operator.attrgetter("x", "y.x", "y.y")
    return g(p), operator.attrgetter("y.y")(p), operator.attrgetter("x")(p)


def op_attrgetter_missing():
    return operator.attrgetter("z")(Pt(1, 2))


def op_methodcaller():
    return (operator.methodcaller("split", ",")("a,b"), operator.methodcaller("replace", "a", "b", 1)("aaa"),
            operator.methodcaller("ljust", 5, "*")("ab"), operator.methodcaller("count", "a")("banana"),
            list(map(operator.methodcaller("upper"), ["x", "y"])), operator.methodcaller("norm2")(Pt(3, 4)))


def op_itemgetter_multi():
    rows = [(1, "b", 3.0), (0, "a", 2.0), (1, "a", 1.0)]
    return (sorted(rows, key=operator.itemgetter(0, 1)), operator.itemgetter(2, 0)(rows[0]),
            operator.itemgetter(slice(1, None))("abc"), operator.itemgetter("k")({"k": 5}), operator.itemgetter(-1)([1, 2]),
            operator.itemgetter(0)("z"))


def op_truth_index_misc():
    return (operator.truth([]), operator.truth(0.1), operator.index(5), operator.index(True), operator.not_(1),
            operator.is_(None, None), operator.is_not(1, None), operator.contains("abc", "b"), operator.countOf([1, 1, 2], 1),
            operator.indexOf("abc", "c"), operator.concat([1], [2]), operator.neg(3), operator.pos(-2), operator.inv(5),
            operator.lshift(1, 4), operator.floordiv(-7, 2), operator.truediv(7, 2), operator.mod(-7, 3),
            operator.getitem([1, 2, 3], slice(1, 3)), operator.length_hint([1, 2]), operator.abs(-3))


def op_index_float():
    return operator.index(1.5)


def op_index_custom():
    return (operator.index(Idx(4)), [10, 20, 30, 40, 50][Idx(2)], "abcdef"[Idx(1):Idx(4)], range(10)[Idx(3)], bin(Idx(5)),
            hex(Idx(255)), operator.index(Idx(7)))


def op_inplace_ops():
    a = [1]
    b = operator.iadd(a, [2])
    c = operator.iadd((1,), (2,))
    d = operator.imul("ab", 2)
    return a, b, c, d, b is a


# ---------------------------------------------------------------------------
# helper classes
# ---------------------------------------------------------------------------

class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return f"Pt({self.x!r}, {self.y!r})"


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


# ---------------------------------------------------------------------------
# closures, defaults, calls
# ---------------------------------------------------------------------------

def cl_three_levels_shadow(x):
    def a(y):
        x2 = x * 10

        def b(x):
            def c(z):
                return (x, y, z, x2)
            return c
        return b
    return a(1)(2)(3), a(4)(x)(x)


def cl_shadow_param_in_comprehension(x):
    def inner():
        return [x for x in range(3)], x
    return inner()


def cl_closure_list_of_lambdas():
    fs = [lambda i=i: i * i for i in range(4)]
    gs = [lambda: i for i in range(4)]
    return [f() for f in fs], [g() for g in gs]


def cl_closure_over_loop_in_def():
    out = []
    for i in range(3):
        def f(k=i):
            return k + i
        out.append(f)
    return [f() for f in out]


def cl_cell_after_rebind():
    x = 1

    def f():
        return x
    first = f()
    x = 2
    return first, f()


def _default_list(x, acc=[]):
    return acc + [x]


def _default_dict(k, v, d={}):
    new = dict(d)
    new[k] = v
    return new


def cl_mutable_default_not_mutated():
    a = _default_list(1)
    b = _default_list(2)
    c = _default_dict("a", 1)
    d = _default_dict("b", 2)
    return a, b, c, d, _default_list.__defaults__


def cl_default_identity():
    def f(x=[]):
        return x
    return f() is f(), f() is not [], f([1]) is f()


def _lvl3(*args, **kwargs):
    return args, sorted(kwargs.items())


def _lvl2(*args, **kwargs):
    return _lvl3(*args, extra=len(args), **kwargs)


def _lvl1(a, *rest, sep="-", **kw):
    return _lvl2(a, *rest, sep=sep, **kw)


def cl_forward_three_levels():
    return (_lvl1(1), _lvl1(1, 2, 3, sep="+", z=0), _lvl1(*range(4), **{"q": 1}),
            _lvl1(a=5), _lvl1(*"ab", **dict(y=1, x=2)))


def cl_forward_duplicate_kw():
    return _lvl1(1, extra=3)


def cl_forward_multiple_values():
    return _lvl1(1, a=2)


def _kwonly(a, *, b, c=3):
    return a, b, c


def _posonly(a, b, /, c, *, d):
    return a, b, c, d


def cl_kwonly_missing():
    return _kwonly(1)


def cl_kwonly_positional():
    return _kwonly(1, 2)


def cl_posonly_as_kw():
    return _posonly(1, b=2, c=3, d=4)


def cl_posonly_ok():
    return _posonly(1, 2, 3, d=4), _posonly(1, 2, c=3, d=4)


def cl_posonly_kwargs_collect():
    def f(a, /, **kw):
        return a, kw
    return f(1, a=2)


def cl_unexpected_kw():
    return _kwonly(1, b=2, e=5)


def cl_too_many_positional():
    return _posonly(1, 2, 3, 4, d=5)


def cl_missing_multiple():
    def f(a, b, c, *, d, e):
        return a
    return f(1)


def cl_missing_kwonly_multiple():
    def f(*, d, e, g):
        return d
    return f()


def cl_star_non_iterable():
    return _lvl3(*5)


def cl_double_star_non_mapping():
    return _lvl3(**[1])


def cl_double_star_nonstr_key():
    return _lvl3(**{1: 2})


def cl_lambda_defaults_kwonly():
    f = lambda a, b=2, *args, c, d=4, **kw: (a, b, args, c, d, kw)
    return f(1, c=3), f(1, 2, 3, 4, c=5, e=6)


def _memo_fib(n, memo=()):
    for k, v in memo:
        if k == n:
            return v, memo
    if n < 2:
        return n, memo + ((n, n),)
    a, memo = _memo_fib(n - 1, memo)
    b, memo = _memo_fib(n - 2, memo)
    return a + b, memo + ((n, a + b),)


def cl_recursion_memo_tuple(n):
    v, memo = _memo_fib(n)
    return v, len(memo)


def _count_change(amount, coins, memo):
    key = (amount, len(coins))
    if key in memo:
        return memo[key], memo
    if amount == 0:
        return 1, memo
    if amount < 0 or not coins:
        return 0, memo
    a, memo = _count_change(amount - coins[0], coins, memo)
    b, memo = _count_change(amount, coins[1:], memo)
    new = dict(memo)
    new[key] = a + b
    return a + b, new


def cl_recursion_memo_dict(n):
    return _count_change(n, (1, 5, 10, 25), {})[0]


def cl_function_attributes():
    def f(a, b=1, *c, d, e=2, **g):
        "doc"
        return a
    return (f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount,
            f.__code__.co_kwonlyargcount, f.__code__.co_varnames[:6])


def cl_unicode_identifiers():
    π = 3.14159
    résumé = "cv"
    数 = 7

    def δ(ξ):
        return ξ * 2
    return π * 2, résumé.upper(), 数 + 1, δ(数), δ.__name__


def cl_chained_assignment():
    a = b = c = [1, 2]
    x = y = 5
    x += 1
    p, q = r = (3, 4)
    return a is b, b is c, x, y, p, q, r


def cl_star_unpack_for():
    rows = [(1, 2, 3, 4), (5, 6), (7, 8, 9)]
    out = []
    for first, *mid, last in rows:
        out.append((first, mid, last))
    for (a, b), *rest in [((1, 2), 3, 4), ((5, 6),)]:
        out.append((a, b, rest))
    for *init, z in ["abc", "xy"]:
        out.append((init, z))
    return out


def cl_star_unpack_error():
    for a, *b, c in [(1,)]:
        return a
    return None


def cl_swap_tuples():
    a, b, c = 1, 2, 3
    a, b, c = c, a, b
    xs = [10, 20, 30]
    xs[0], xs[2] = xs[2], xs[0]
    i = 0
    i, xs[i] = 1, 99
    return a, b, c, xs, i


def cl_nested_unpack_targets():
    d = {}
    (d["a"], [d["b"], d["c"]]), e = (1, (2, 3)), 4
    return d, e


def cl_unpack_too_many():
    a, b = [1, 2, 3]
    return a


def cl_unpack_too_few():
    a, b, *c, d = (1, 2)
    return a


# ---------------------------------------------------------------------------
# classes
# ---------------------------------------------------------------------------

class Plugin:
    registry_names = ()

    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag


class PluginA(Plugin, tag="a"):
    pass


class PluginB(PluginA):
    pass


def cls_init_subclass():
    return PluginA.tag, PluginB.tag, hasattr(Plugin, "tag"), PluginA().tag


class Shape:
    sides = 0

    def __init__(self, size):
        self.size = size

    @classmethod
    def unit(cls):
        return cls(1)

    @classmethod
    def from_pair(cls, a, b):
        return cls(a + b)

    @staticmethod
    def kind():
        return "shape"

    def describe(self):
        return f"{type(self).__name__}({self.size}) sides={self.sides} kind={self.kind()}"


class Square(Shape):
    sides = 4

    @staticmethod
    def kind():
        return "square"


class Tri(Shape):
    sides = 3

    @classmethod
    def unit(cls):
        inst = super().unit()
        return inst


def cls_classmethod_factories():
    objs = [Shape.unit(), Square.unit(), Tri.unit(), Square.from_pair(2, 3), Tri(5).from_pair(1, 1)]
    return [o.describe() for o in objs], [type(o).__name__ for o in objs]


def cls_classmethod_return():
    return Square.from_pair(1, 2)


class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def c(self):
        return self._c

    @c.setter
    def c(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @property
    def f(self):
        return self._c * 9 / 5 + 32


def cls_property_setter_local():
    t = Temp(10)
    t.c = 25
    return t.c, t.f


def cls_property_setter_error():
    t = Temp(0)
    t.c = -300
    return t.c


def cls_property_readonly():
    t = Temp(1)
    t.f = 3
    return t.f


def cls_property_read():
    t = Temp(100)
    return t.c, t.f, type(Temp.c).__name__


class Fallback:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"no {name}")


def cls_getattr_fallback():
    f = Fallback()
    return f.real, f.dyn_abc, getattr(f, "dyn_x"), getattr(f, "other", "default"), hasattr(f, "zzz"), hasattr(f, "dyn_")


def cls_getattr_raises():
    return Fallback().missing


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        k = self.n
        while k > 0:
            yield k
            k -= 1

    def __len__(self):
        return self.n


def cls_iter_generator():
    c = Countdown(4)
    return list(c), list(c), sum(c), len(c), [x * y for x in c for y in Countdown(2)], 3 in c, sorted(c), max(c)


class Truthy:
    def __init__(self, n, b=None):
        self.n = n
        self.b = b

    def __len__(self):
        return self.n

    def __bool__(self):
        if self.b is None:
            raise TypeError("no bool")
        return self.b


class LenOnly:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Empty:
    pass


def cls_truthiness():
    return (bool(LenOnly(0)), bool(LenOnly(3)), bool(Truthy(0, True)), bool(Truthy(5, False)), bool(Empty()),
            "yes" if LenOnly(0) else "no", not LenOnly(2), [x for x in (LenOnly(0), LenOnly(1)) if x].__len__(),
            LenOnly(0) or "fallback", LenOnly(2) and "second")


def cls_bool_raises():
    if Truthy(1):
        return 1
    return 0


class BadBool:
    def __bool__(self):
        return 1


def cls_bool_returns_int():
    return bool(BadBool())


class BadLen:
    def __len__(self):
        return -1


def cls_len_negative():
    return bool(BadLen())


class EqOnly:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v


def cls_eq_without_hash_set():
    return {EqOnly(1)}


def cls_eq_without_hash_dict_key():
    return {EqOnly(1): 2}


def cls_eq_without_hash_info():
    return EqOnly.__hash__ is None, EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2), EqOnly(1) in [EqOnly(1)]


class Num:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if isinstance(other, Num):
            return self.v < other.v
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, (int, float)):
            return self.v > other
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, Num):
            return self.v == other.v
        return NotImplemented

    def __hash__(self):
        return hash(self.v)

    def __add__(self, other):
        if isinstance(other, int):
            return Num(self.v + other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, int):
            return Num(self.v + other * 100)
        return NotImplemented

    def __repr__(self):
        return f"Num({self.v})"


def cls_rich_compare_reflection():
    a, b = Num(1), Num(2)
    return (a < b, b > a, a > 0, 0 < a, 5 < a, a == Num(1), a == 1, 1 == a, a != 1, a != Num(1),
            repr(a + 1), repr(1 + a), repr(sum([Num(1)], 0)), repr(sorted([Num(3), Num(1)])), Num(1) in {Num(1)})


def cls_rich_compare_unsupported():
    return Num(1) <= Num(2)


def cls_add_unsupported():
    return Num(1) + 1.5


def cls_radd_unsupported():
    return "x" + Num(1)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "c":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)

    def __repr__(self):
        return f"Money({self.cents})"

    def __str__(self):
        return f"{self.cents / 100:.2f} USD"


def cls_format_repr_str():
    m = Money(1234)
    return (f"{m}", f"{m:c}", f"{m:>10.1f}", f"{m!r}", f"{m!s}", format(m), "{0} {0!r} {0:c}".format(m), str(m), repr(m),
            "%s %r" % (m, m), str([m]), f"{[m]}", repr({"k": m}))


class NoFormat:
    pass


def cls_format_default_bad_spec():
    return format(NoFormat(), "10")


def cls_format_default_empty():
    s = format(Empty(), "")
    return s.startswith("<") and "Empty object" in s


class ReprOnly:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"R<{self.v}>"


def cls_print_objects_with_repr():
    r = ReprOnly(1)
    print(r)
    print([r, ReprOnly("s")])
    print((r,), {r.v: r}, {"x": [r, (r,)]})
    print(f"{r}", str(r), r, sep="|", end="!\n")
    return str(r), repr([r]), f"{r!r:>8}"


class Idx2:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


def cls_index_protocol():
    i = Idx2(3)
    return ([1, 2, 3, 4, 5][i], "hello"[Idx2(-1)], list(range(Idx2(4))), bin(i), [0] * Idx2(2), (1, 2, 3)[:Idx2(2)],
            int.__index__(7), operator.index(i), "ab" * Idx2(3), hex(i), oct(i), bytes(Idx2(2)))


def cls_index_bad():
    return [1, 2][Pt(1, 2)]


class Sized:
    def __init__(self, items):
        self.items = tuple(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __contains__(self, x):
        return x in self.items

    def __reversed__(self):
        return iter(self.items[::-1])


def cls_container_protocols():
    s = Sized("abc")
    return (len(s), s[0], s[-1], s[0:2], list(s), list(reversed(s)), "b" in s, "z" in s, sorted(s, reverse=True),
            enumerate(s).__next__(), tuple(s))


class Counter2:
    def __init__(self, start):
        self.start = start

    def __call__(self, inc):
        return self.start + inc

    def __neg__(self):
        return Counter2(-self.start)

    def __abs__(self):
        return abs(self.start)

    def __invert__(self):
        return ~self.start

    def __pos__(self):
        return self

    def __int__(self):
        return int(self.start)

    def __float__(self):
        return float(self.start)

    def __complex__(self):
        return complex(self.start, 1)

    def __round__(self, nd=None):
        return ("round", nd)

    def __floor__(self):
        return "floor"


def cls_numeric_dunders():
    c = Counter2(5)
    return (c(3), (-c).start, abs(-c), ~c, (+c) is c, int(c), float(c), complex(c), round(c), round(c, 2), math.floor(c),
            callable(c), callable(Counter2))


class Base1:
    def hello(self):
        return "base1"


class Mixin:
    def hello(self):
        return "mixin+" + super().hello()


class Child(Mixin, Base1):
    def hello(self):
        return "child+" + super().hello()


def cls_mro_super_chain():
    return Child().hello(), [c.__name__ for c in Child.__mro__], Child.mro()[1].__name__, isinstance(Child(), Mixin)


class ClassConsts:
    TABLE = {"a": 1, "b": 2}
    KEYS = tuple(sorted(TABLE))
    SQUARES = [i * i for i in range(5)]
    PAIRS = tuple((k, v) for k, v in TABLE.items())

    def lookup(self, k):
        return [self.TABLE[x] for x in k if x in ClassConsts.TABLE]

    def squares_filtered(self):
        return [s for s in self.SQUARES if s % 2 == 0]


def cls_class_level_constants():
    c = ClassConsts()
    return c.lookup("abz"), c.squares_filtered(), ClassConsts.KEYS, ClassConsts.PAIRS


class Point3:
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __eq__(self, other):
        return (self.x, self.y, self.z) == (other.x, other.y, other.z)

    def __hash__(self):
        return hash((self.x, self.y, self.z))

    def __iter__(self):
        return iter((self.x, self.y, self.z))


def cls_tuple_unpack_instance():
    p = Point3(1, 2, 3)
    x, y, z = p
    return x + y + z, list(p), {p, Point3(1, 2, 3)}.__len__(), dict.fromkeys([p, Point3(1, 2, 3)], 0).__len__(), max(p)


def cls_return_instances():
    return [Point3(1, 2, 3), Point3(4, 5, 6)]


class Node:
    def __init__(self, val, children=()):
        self.val = val
        self.children = tuple(children)

    def __repr__(self):
        if self.children:
            return f"Node({self.val!r}, {list(self.children)!r})"
        return f"Node({self.val!r})"

    def depth(self):
        return 1 + max((c.depth() for c in self.children), default=0)


def cls_recursive_repr_depth():
    t = Node(1, [Node(2, [Node(3)]), Node("x")])
    return repr(t), t.depth(), str(t.children)


class WithClassAttrCounter:
    instances = 0

    def __init__(self):
        self.n = WithClassAttrCounter.instances + 1


def cls_class_attr_read():
    return WithClassAttrCounter().n, WithClassAttrCounter.instances


class DescribedError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg

    def __str__(self):
        return f"[{self.code}] {self.msg}"


# ---------------------------------------------------------------------------
# exceptions
# ---------------------------------------------------------------------------

def ex_args_and_str():
    out = []
    for e in (ValueError(), ValueError("a"), ValueError("a", 2), ValueError(("t",)), KeyError("k"), KeyError("a", "b"),
              KeyError(), IndexError(3), Exception(None), OSError(2, "nf"), DescribedError(404, "gone"),
              StopIteration(5), ArithmeticError("x", [1])):
        out.append((type(e).__name__, e.args, str(e), repr(e)))
    return out


def ex_keyerror_str_in_message():
    try:
        {}["missing 'quote'"]
    except KeyError as e:
        return str(e), repr(e), e.args, f"{e}"


def ex_keyerror_tuple_key():
    return {}[(1, 2)]


def ex_keyerror_empty_string():
    return {"a": 1}[""]


def ex_custom_raise():
    raise DescribedError(500, "boom")


def ex_custom_attrs():
    try:
        raise DescribedError(418, "teapot")
    except DescribedError as e:
        return e.code, e.msg, e.args, str(e), isinstance(e, Exception)


def ex_stop_iteration_value():
    def g():
        yield 1
        return "done"
    it = g()
    next(it)
    try:
        next(it)
    except StopIteration as e:
        return e.value, e.args
    return None


def ex_stop_iteration_no_value():
    def g():
        return
        yield
    try:
        next(g())
    except StopIteration as e:
        return e.value, e.args


def ex_raise_in_generator_close():
    log = []

    def g():
        try:
            yield 1
        finally:
            log.append("finally")
            raise ValueError("from close")
    it = g()
    next(it)
    try:
        it.close()
    except ValueError as e:
        log.append(str(e))
    return log


def ex_close_yield_in_finally():
    def g():
        try:
            yield 1
        finally:
            yield 2
    it = g()
    next(it)
    it.close()
    return None


def ex_group_split_subgroup():
    eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
    match, rest = eg.split(ValueError)
    sub = eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError)))
    none = eg.subgroup(OSError)
    return (str(match), repr(match.exceptions), str(rest), [repr(e) for e in rest.exceptions], str(sub), none,
            len(eg.exceptions), eg.message, repr(eg.exceptions[2].exceptions[1]))


def ex_group_derive_notes():
    eg = ExceptionGroup("m", [ValueError("a")])
    d = eg.derive([TypeError("b")])
    return type(d).__name__, d.message, [str(e) for e in d.exceptions]


def ex_group_bad():
    return ExceptionGroup("x", [])


def ex_group_base_mixed():
    return type(BaseExceptionGroup("x", [ValueError()])).__name__


def ex_star_handlers():
    log = []
    try:
        raise ExceptionGroup("eg", [ValueError("v1"), TypeError("t"), ValueError("v2")])
    except* ValueError as g:
        log.append(("V", [str(e) for e in g.exceptions]))
    except* TypeError as g:
        log.append(("T", [str(e) for e in g.exceptions]))
    return log


def ex_star_unhandled_rest():
    try:
        raise ExceptionGroup("eg", [ValueError("v"), KeyError("k")])
    except* ValueError:
        pass
    return 1


def ex_star_naked_exception():
    try:
        raise ValueError("naked")
    except* ValueError as g:
        out = type(g).__name__, str(g), [str(e) for e in g.exceptions]
    return out


def ex_chaining_context_cause():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("wrapped") from e
    except ValueError as v:
        c = v.__cause__
        return str(v), type(c).__name__, v.__suppress_context__, type(v.__context__).__name__


def ex_from_none():
    try:
        try:
            {}["x"]
        except KeyError:
            raise ValueError("clean") from None
    except ValueError as v:
        return v.__cause__, v.__suppress_context__, type(v.__context__).__name__


def ex_uncaught_from_none():
    try:
        [][1]
    except IndexError:
        raise RuntimeError("nope") from None


def ex_raise_class_not_instance():
    try:
        raise KeyError
    except KeyError as e:
        return e.args, str(e), type(e).__name__


def ex_raise_bad_cause():
    raise ValueError("x") from 5


def ex_except_tuple_and_order():
    out = []
    for f in (lambda: 1 / 0, lambda: [][0], lambda: {}["k"], lambda: int("x"), lambda: None.foo):
        try:
            f()
        except (IndexError, KeyError) as e:
            out.append(("lookup", type(e).__name__))
        except ArithmeticError as e:
            out.append(("arith", str(e)))
        except Exception as e:
            out.append(("other", type(e).__name__, str(e)))
    return out


_NOTHING = None


def ex_builtin_messages():
    out = []
    for f in (lambda: "a" + 1, lambda: 1 + "a", lambda: [1] * 1.5, lambda: len(5), lambda: _NOTHING(),
              lambda: (1, 2)[5], lambda: "abc"[10], lambda: int(None), lambda: [].pop(), lambda: {}.popitem(),
              lambda: set().pop(), lambda: [1, 2].index(5), lambda: "abc".index("z"), lambda: (1).x,
              lambda: abs("a"), lambda: max(), lambda: sum(["a"]), lambda: hash([]), lambda: {[]: 1},
              lambda: 1 < "a", lambda: -"a", lambda: ~1.5, lambda: divmod(1, 0), lambda: 2 ** "a",
              lambda: chr(-1), lambda: ord("ab"), lambda: range(1.5), lambda: iter(5), lambda: next(iter([])),
              lambda: "a".join([1]), lambda: tuple(5), lambda: dict([(1,)]), lambda: list.append(),
              lambda: "x" * "y", lambda: [][::0], lambda: 1 / 0.0, lambda: 5 % 0, lambda: float("abc"),
              lambda: int("12", 40), lambda: math.sqrt(-1), lambda: math.log(0), lambda: {1, 2} + {3}):
        try:
            f()
            out.append("no error")
        except Exception as e:
            out.append((type(e).__name__, str(e)))
    return out


def ex_finally_order_print():
    def f(n):
        try:
            print("try", n)
            if n:
                return "ret"
            raise ValueError(n)
        except ValueError:
            print("except")
            return "exc"
        else:
            print("else")
        finally:
            print("finally", n)
    return f(0), f(1)


def ex_break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i


def ex_continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out


def ex_exception_var_deleted():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    return e


def ex_notes():
    try:
        e = ValueError("base")
        e.add_note("note 1")
        e.add_note("note 2")
        raise e
    except ValueError as err:
        return err.__notes__, str(err)


def ex_assert_message_expression():
    x = 5
    assert x < 3, f"x too big: {x}"


def ex_assert_no_message():
    assert [], None
    return 1


def ex_exception_equality():
    a = ValueError(1)
    b = ValueError(1)
    return (a == b, a == a, a.args == b.args, isinstance(a, BaseException), issubclass(KeyError, LookupError),
            issubclass(StopIteration, Exception), issubclass(GeneratorExit, Exception), issubclass(ZeroDivisionError, ArithmeticError))


def ex_with_traceback_none():
    e = ValueError("q").with_traceback(None)
    return str(e), e.__traceback__


# ---------------------------------------------------------------------------
# generators
# ---------------------------------------------------------------------------

def _averager():
    total = 0.0
    n = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return (n, avg)
        total += x
        n += 1
        avg = total / n


def gen_send_averager():
    g = _averager()
    first = next(g)
    vals = [g.send(10), g.send(20), g.send(0)]
    try:
        g.send(None)
    except StopIteration as e:
        return first, vals, e.value


def gen_send_nonnone_first():
    g = _averager()
    return g.send(5)


def gen_throw_handled():
    def g():
        n = 0
        while True:
            try:
                yield n
            except ValueError as e:
                n += 100
                yield f"caught {e}"
            n += 1
    it = g()
    return [next(it), next(it), it.throw(ValueError("v")), next(it), next(it), it.throw(ValueError, "w")]


def gen_throw_unhandled():
    def g():
        yield 1
        yield 2
    it = g()
    next(it)
    it.throw(KeyError("k"))


def gen_throw_fresh():
    def g():
        try:
            yield 1
        except KeyError:
            yield "caught"
    it = g()
    try:
        it.throw(KeyError("k"))
    except KeyError as e:
        return "propagated", repr(e), list(it)


def gen_close_finally():
    log = []

    def g():
        try:
            for i in range(10):
                yield i
        finally:
            log.append("cleanup")
    it = g()
    got = [next(it), next(it)]
    it.close()
    it.close()
    return got, log, list(it)


def gen_close_catch_generatorexit():
    log = []

    def g():
        try:
            yield 1
        except GeneratorExit:
            log.append("exit")
            raise
    it = g()
    next(it)
    r = it.close()
    return log, r


def gen_return_value_yield_from():
    def inner():
        x = yield "a"
        y = yield "b"
        return (x, y)

    def outer():
        r = yield from inner()
        yield ("inner returned", r)
        return "outer done"
    g = outer()
    out = [next(g), g.send(1), g.send(2)]
    try:
        next(g)
    except StopIteration as e:
        out.append(e.value)
    return out


def gen_yield_from_throw_delegation():
    def inner():
        try:
            yield 1
        except ValueError:
            yield "inner caught"
        yield 2

    def outer():
        yield from inner()
        yield 3
    g = outer()
    return [next(g), g.throw(ValueError), next(g), next(g)]


def gen_yield_expression_values():
    def g():
        received = []
        while len(received) < 3:
            v = yield len(received)
            received.append(v)
        return received
    it = g()
    out = [next(it), it.send("a"), next(it)]
    try:
        it.send("c")
    except StopIteration as e:
        out.append(e.value)
    return out


def gen_stopiteration_inside():
    def g():
        yield 1
        raise StopIteration("bad")
    return list(g())


def gen_exhausted_then_next():
    def g():
        yield 1
    it = g()
    list(it)
    return next(it, "default"), list(it)


def gen_genexp_scope_first_iter():
    xs = [1, 2, 3]
    g = (x * y for x in xs for y in range(x))
    return list(g), list(g)


def gen_infinite_with_islice():
    def naturals():
        n = 0
        while True:
            yield n
            n += 1
    def primes():
        found = []
        for n in naturals():
            if n >= 2 and all(n % p for p in found):
                found.append(n)
                yield n
    return list(itertools.islice(primes(), 15)), list(itertools.takewhile(lambda x: x < 10, naturals()))


def gen_state_attrs():
    def g():
        yield 1
    it = g()
    return it.__name__, it.gi_running, iter(it) is it, it.gi_frame is not None


def gen_send_after_close():
    def g():
        yield 1
        yield 2
    it = g()
    next(it)
    it.close()
    return it.send(None)


def gen_generator_in_sum_with_condition():
    return sum(x for x in range(100) if x % 7 == 3), max((len(w), w) for w in "the quick brown fox".split()), min(
        (abs(x - 5), x) for x in range(10))


# ---------------------------------------------------------------------------
# containers, globals, identity, ordering, printing
# ---------------------------------------------------------------------------

FROZEN = frozenset({3, 1, 2})
GRID = ((1, 2, 3), (4, 5, 6), (7, 8, 9))
CONFIG = {"db": {"host": "localhost", "ports": (5432, 5433)}, "flags": {"debug": False, "level": 3}}
NAMES = ("zed", "amy", "Bob")
LIMIT = 10 ** 30
RATIO = 2.5
UNIT = 1j
BLOB = b"\x00\x01binary"
NOTHING = None
RANGE = range(2, 20, 3)


def gl_read_constants():
    return (sorted(FROZEN), 2 in FROZEN, sum(sum(r) for r in GRID), [r[i] for i, r in enumerate(GRID)],
            CONFIG["db"]["ports"][1], CONFIG["flags"].get("debug"), sorted(CONFIG), sorted(NAMES, key=str.lower),
            LIMIT + 1, RATIO * 2, UNIT * UNIT, BLOB[2:], NOTHING is None, list(RANGE), RANGE[-1], len(RANGE),
            FROZEN | {9}, type(FROZEN | {9}).__name__)


def gl_transpose_grid():
    return [list(col) for col in zip(*GRID)], tuple(map(sum, zip(*GRID)))


def gl_config_copy_modify():
    c = dict(CONFIG)
    c["new"] = 1
    inner = dict(CONFIG["flags"])
    inner["level"] += 1
    return sorted(c), inner, CONFIG["flags"]["level"]


def gl_mutate_global_dict():
    CONFIG["flags"]["level"] = 4
    return CONFIG


def dc_ordering_after_deletes():
    d = {}
    for k in "abcdef":
        d[k] = ord(k)
    del d["b"]
    del d["e"]
    d["b"] = 0
    d["a"] = 100
    d.pop("c")
    d["z"] = 1
    return list(d), list(d.values()), list(d.items())[:2], next(iter(d)), list(reversed(d))


def dc_methods_full():
    d = dict(a=1, b=2)
    d2 = d | {"c": 3, "a": 0}
    d3 = {**d, "b": 20}
    d.update([("x", 9)], y=8)
    d.setdefault("a", 999)
    d.setdefault("w")
    r = d.pop("missing", "dflt")
    last = d.popitem()
    fk = dict.fromkeys("abc", [])
    return d, d2, d3, r, last, fk, d.get("zz"), list(d.keys() & {"a", "q"}), d == {"b": 2, "a": 1, "x": 9, "y": 8}


def dc_views_ops():
    d = {"a": 1, "b": 2, "c": 3}
    k = d.keys()
    return (sorted(k - {"a"}), sorted(k | {"z"}), sorted(k ^ {"a", "q"}), "a" in k, 2 in d.values(), ("a", 1) in d.items(),
            sorted(d.items() - {("a", 1)}), len(k), list(reversed(d.values())), isinstance(k, type({}.keys())))


def dc_comprehension_conditions():
    return ({k: v for k, v in zip("abcd", range(4)) if v % 2}, {x % 3: x for x in range(10)},
            {(i, j): i * j for i in range(3) for j in range(i)}, dict(zip(range(3), "xyz")),
            {k: [v for v in range(k)] for k in range(3)})


def dc_int_float_key_merge():
    d = {1: "int", 1.0: "float", True: "bool"}
    e = {}
    e[0] = "a"
    e[0.0] = "b"
    e[False] = "c"
    return d, e, list(d)[0].__class__.__name__


def set_small_int_order():
    return (list({5, 3, 1, 4, 2}), list({10, 1, 100, 7}), list({-1, -2, 0, 1}), list({3, 1} | {2}), sorted({3, 1}),
            list(frozenset([9, 8, 7])), list({0, 8, 16, 1}), str({1, 2, 3}), repr(frozenset({2, 1})))


def set_methods_full():
    a = {1, 2, 3, 4}
    b = frozenset({3, 4, 5})
    return (a - b, a & b, a | b, a ^ b, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}),
            b.union([6], (7,)), b.intersection("abc"), a.difference(b, {1}), a.symmetric_difference(b), a <= a, a < a,
            b < {3, 4, 5, 6}, type(b | a).__name__, type(a | b).__name__, frozenset() == set())


def set_mutations_local():
    s = set()
    s.add(1)
    s.update([2, 3], {4})
    s.discard(99)
    s.discard(1)
    s -= {2}
    s |= {10}
    s &= {3, 4, 10, 11}
    s ^= {4, 5}
    t = s.copy()
    t.add(0)
    s.intersection_update({3, 5, 10})
    s.difference_update({5})
    s.symmetric_difference_update({7})
    return sorted(s), sorted(t)


def id_is_checks():
    a = None
    return (a is None, True is True, (1 == 1) is True, bool(0) is False, not None is True, None is not False,
            type(None) is type(None), (lambda: None)() is None, print is print, len is len, [] is not [],
            type(True) is bool, isinstance(True, int), NotImplemented is NotImplemented,
            Ellipsis is ..., (...).__class__.__name__)


def hash_tuples():
    t = (1, (2, 3), "a", None, 1.5, frozenset({1}))
    return (hash(t) == hash((1, (2, 3), "a", None, 1.5, frozenset({1}))), hash(()) == hash(()),
            hash((1, 2)) == hash((1.0, 2.0)), hash((1, 2)) != hash((2, 1)), hash(True) == hash(1), hash(-1),
            hash(-2), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(10 ** 20), hash(1.5),
            {(1, 2): "a"}[(1.0, 2)], len({(0,), (0.0,), (False,)}))


def hash_tuple_unhashable():
    return hash((1, [2]))


def long_strings():
    s = "abc" * 100000
    t = "".join(str(i % 10) for i in range(50000))
    return (len(s), s.count("ca"), s[-5:], s.find("cab", 1000), t[12345:12355], len(s.replace("b", "bb")),
            s.upper()[:6], hash(s) == hash("abc" * 100000), len(s.split("c")), t.rfind("0123"), len(set(t)))


def print_nested_containers():
    print([1, [2, [3, (4, {"a": {5}})]]])
    print({"k": [None, True, 1.0, -0.0, "s'q", 'd"q', b"b"]}, (1,), ())
    print(set(), frozenset(), {}, [], dict(a=()), [[]], {1: {2: {}}})
    print(1e100, 1.5e-7, 10 ** 20, -0.0, float("inf"), complex(1, -1), range(3), slice(1, None, 2))
    print("a", "b", sep="")
    print()
    print("x", end="")
    print("y", 1, sep="::", end="\n\n")
    print(*[1, 2, 3], sep=", ")
    print(*"abc")
    print(None, ..., NotImplemented, print.__name__)
    return None


def print_with_str_subclasses():
    print(Money(5), [Money(5)], (Money(7),))
    print(ReprOnly([1, "a"]), Node(2, [Node(3)]))
    print(Pt(1.0, "s"))
    print(DescribedError(1, "x"), repr(DescribedError(1, "x")))
    print(ValueError("v"), KeyError("k"), repr(KeyError("k")), [ValueError("in list")])
    return 0


def print_bad_sep():
    print("a", sep=5)


def repr_escapes_table():
    return [repr(s) for s in ("'", '"', "'\"", "\\", "\x00", "\x1f", "\x7f", "\x80", "\xa0", "\u200b", "é", "\U0001F600",
                              "\ud800", "\t\n\r", "\u2028", "\xad", "ascii")]


def ascii_builtin():
    return ascii("é€😀\n"), ascii([1, "ü"]), ascii(b"\xff"), ascii(Pt(1, "é"))


def slice_objects_misc():
    s = slice(1, 10, 2)
    return (s.start, s.stop, s.step, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4),
            "abcdef"[s], list(range(20))[slice(None, None, -5)], repr(slice(1, 2)), slice(1, 2) == slice(1, 2))


def slice_indices_zero_step():
    return slice(0, 1, 0).indices(3)


def range_methods():
    r = range(0, 20, 3)
    return (r.index(9), r.count(9), 9 in r, 10 in r, r[2:5], r[::-1], reversed(r).__next__(), r.start, r.stop, r.step,
            range(5) == range(0, 5, 1), range(0) == range(2, 2), hash(range(3)) == hash(range(0, 3)), len(range(10, 0, -3)),
            list(range(10, 0, -3)), range(3)[-1], repr(range(1, 5, 2)), bool(range(0)), 3.0 in range(5))


def range_index_missing():
    return range(0, 10, 2).index(3)


def misc_builtins_more():
    return (divmod(-7, 2), divmod(7.5, -2), pow(-2, 3), pow(2, -1), abs(-0.0), abs(-5j), max("abc", "abd", key=len),
            min([[3], [1, 2]], key=len), sum([[1], [2]], []), sum(range(5), start=10), sum([0.1] * 10), any([]), all([]),
            list(enumerate("ab", start=-1)), list(zip("ab", range(5), [True] * 2)), list(map(pow, [2, 3], [3, 2])),
            list(filter(None, [0, 1, "", "x"])), sorted(map(abs, [-3, 1, -2])), list(reversed(range(3))),
            isinstance(1, (str, (int, float))), issubclass(bool, (int,)), callable(len), vars(Pt(1, 2)), dir(Pt(1, 2))[-3:],
            getattr(Pt(1, 2), "x"), hasattr(Pt(1, 2), "norm2"), type(1.0)(3), int.__name__, chr(0x1F600), ord("€"),
            bin(-5), oct(-8), hex(-255), format(-5, "b"), round(-0.4), round(0.49999999999999994))


def misc_min_max_kw():
    return (max([], default="none"), min((), default=None), max(1, 2, key=lambda x: -x), max([(1, "b"), (1, "a")]),
            min("hello"), max({3: "a", 9: "b"}), min([1.0, 1, True]), max([1, 1.0, True]),
            type(max([1, 1.0])).__name__)


def misc_max_default_with_args():
    return max(1, 2, default=3)


def misc_zip_strict_error():
    return list(zip([1, 2], [1], strict=True))


def misc_enumerate_nested_unpack():
    out = []
    for i, (a, (b, c)) in enumerate([(1, (2, 3)), (4, (5, 6))], 1):
        out.append(i * (a + b + c))
    return out


def misc_walrus_comprehension_leak():
    data = [3, 8, 1, 9, 4]
    big = [y for x in data if (y := x * 2) > 6]
    return big, y


def misc_match_class_patterns(v):
    match v:
        case Pt(x=0, y=0):
            return "origin"
        case Pt(x=0, y=yy):
            return f"on y axis at {yy}"
        case [Pt() as p, *rest]:
            return f"list starting with {p!r}, {len(rest)} more"
        case {"type": "circle", "r": r} if r > 0:
            return f"circle {r}"
        case (1 | 2 | 3) as small:
            return f"small {small}"
        case str() if len(v) > 3:
            return "long str"
        case _:
            return "other"


def misc_match_all():
    return [misc_match_class_patterns(v) for v in (Pt(0, 0), Pt(0, 5), Pt(1, 1), [Pt(1, 2), 3, 4],
                                                   {"type": "circle", "r": 2}, {"type": "circle", "r": 0}, 2, "hello", "hi")]


def misc_conditional_chains():
    out = []
    for x in (-5, 0, 5, 50, 500):
        out.append("neg" if x < 0 else "zero" if x == 0 else "small" if x < 10 else "mid" if x < 100 else "big")
    return out, 1 < 2 < 3 > 2 != 5, 1 < 3 < 2, (0 < 1) == True, 1 == 1.0 == True


def misc_int_str_digit_limit():
    return len(str(10 ** 4299)), int("9" * 4300) % 7


def misc_string_building_perf():
    parts = []
    for i in range(20000):
        parts.append(chr(97 + i % 26))
    s = "".join(parts)
    acc = ""
    for ch in s[:2000]:
        acc += ch.upper()
    return len(s), s[:30], acc[-10:], s.count("xyz")


CASES = [
    # str
    case(s_partition_cases),
    case(s_partition_empty_sep, "abc"),
    case(s_rpartition_bad_type, "abc"),
    case(s_expandtabs_cases),
    case(s_maketrans_forms),
    case(s_maketrans_unequal),
    case(s_maketrans_bad_key),
    case(s_translate_list_table, "abcdef"),
    case(s_translate_bad_value, "abc"),
    case(s_casefold_special),
    case(s_center_fill_parity),
    case(s_zfill_signs),
    case(s_ljust_bad_fill, "a"),
    case(s_rjust_bad_width, "a"),
    case(s_splitlines_variants),
    case(s_split_whitespace_kinds),
    case(s_numeric_predicates),
    case(s_identifier_predicates),
    case(s_case_predicates),
    case(s_printable_space),
    case(s_title_apostrophes),
    case(s_find_negative_bounds),
    case(s_index_bounds_error),
    case(s_startswith_bad, "abc"),
    case(s_replace_edge),
    case(s_strip_chars_multi),
    case(s_removeprefix_suffix),
    case(s_join_mixed_error),
    case(s_join_generator_and_dict),
    case(s_mul_big_negative),
    case(s_encode_variants),
    case(s_str_of_bytes),
    case(s_compare_unicode),
    case(s_format_map_dict),
    case(s_format_fields),
    case(s_format_index_error),
    case(s_format_mixed_numbering),
    case(s_format_key_error),
    # format
    case(fmt_grouping),
    case(fmt_percent_e_g),
    case(fmt_alternate_forms),
    case(fmt_fill_align),
    case(fmt_float_defaults),
    case(fmt_int_float_specs_on_int),
    case(fmt_bad_spec_str),
    case(fmt_bad_spec_float_x),
    case(fmt_bad_comma_s),
    case(fmt_bad_precision_int),
    case(fmt_bad_sign_str),
    case(fmt_complex),
    case(fmt_nested_fstrings, 3.14159, 8),
    case(fmt_nested_fstrings, 2, 4),
    case(fmt_percent_ops),
    case(fmt_percent_bad_char),
    case(fmt_percent_float_x),
    # bytes
    case(b_methods_split),
    case(b_methods_case),
    case(b_methods_find),
    case(b_methods_pad),
    case(b_hex_fromhex),
    case(b_fromhex_bad),
    case(b_translate_maketrans),
    case(b_index_slice_types),
    case(b_concat_types),
    case(b_compare_ordering),
    case(b_compare_str_error),
    case(b_bytearray_mutations),
    case(b_bytearray_bad_item),
    case(b_bytearray_iadd_imul),
    case(b_constructors),
    case(b_constructor_bad),
    case(b_constructor_str_no_encoding),
    case(b_decode_errors),
    case(b_repr_forms),
    case(b_percent_format),
    case(b_int_from_iteration),
    # int
    case(i_bit_length_table),
    case(i_to_bytes_signed),
    case(i_to_bytes_overflow),
    case(i_to_bytes_negative_unsigned),
    case(i_from_bytes_signed),
    case(i_from_bytes_bad_order),
    case(i_as_integer_ratio),
    case(i_is_integer_311),
    case(i_divmod_negative_table),
    case(i_pow3_table),
    case(i_pow3_not_invertible),
    case(i_pow3_zero_mod),
    case(i_pow3_float),
    case(i_pow_negative_exp),
    case(i_zero_neg_pow),
    case(i_round_negative_ndigits),
    case(i_round_bad_ndigits),
    case(i_big_arith),
    case(i_big_str_repr),
    case(i_big_float_conversion),
    case(i_big_float_overflow),
    case(i_int_constructor_forms),
    case(i_int_bad_literal),
    case(i_int_bad_base),
    case(i_int_float_str),
    case(i_bool_ops),
    case(i_bitwise_negative),
    # float
    case(f_hex_fromhex),
    case(f_fromhex_bad),
    case(f_fromhex_overflow),
    case(f_is_integer_ratio),
    case(f_ratio_inf),
    case(f_ratio_nan),
    case(f_methods_misc),
    case(f_inf_nan_arith),
    case(f_inf_to_int),
    case(f_nan_to_int),
    case(f_nan_sorting),
    case(f_nan_set_dict),
    case(f_division_corners),
    case(f_float_zero_div),
    case(f_float_mod_zero),
    case(f_float_pow_overflow),
    case(f_float_neg_frac_pow),
    case(f_float_constructor),
    case(f_float_bad_str),
    case(f_float_repr_table),
    case(f_float_hash),
    # complex
    case(c_arith),
    case(c_construct),
    case(c_construct_bad),
    case(c_compare_error),
    case(c_floordiv_error),
    case(c_zero_div),
    case(c_zero_pow_neg),
    case(c_int_conversion),
    case(c_hash_eq),
    case(c_repr_table),
    case(c_cmath_funcs),
    case(c_cmath_sqrt_neg_zero),
    case(c_cmath_domain),
    case(c_cmath_log0),
    # rationals
    case(rat_harmonic, 30),
    case(rat_bernoulli, 12),
    case(rat_zero_den),
    case(rat_continued_fraction, 355, 113, 10),
    case(rat_continued_fraction, 10 ** 30 + 7, 3 ** 50, 100),
    case(num_newton_isqrt, 10 ** 100 + 12345),
    case(num_pi_digits, 60),
    # sorting
    case(sort_multi_key_tuples),
    case(sort_stable_reverse_equal),
    case(sort_key_error_propagates),
    case(sort_mixed_type_error),
    case(sort_none_key_cmp),
    case(sort_none_key_error),
    case(sort_list_method_key),
    case(sort_by_str_lower),
    # itertools
    case(it_cwr),
    case(it_cycle_islice),
    case(it_islice_negative),
    case(it_tee),
    case(it_pairwise),
    case(it_compress_filterfalse),
    case(it_starmap),
    case(it_accumulate_func_initial),
    case(it_product_permutations),
    case(it_groupby_sorted_key),
    case(it_chain_from_iterable_zip_longest),
    case(it_dropwhile_takewhile),
    case(it_starmap_error),
    case(it_combinations_negative),
    # functools / operator
    case(ft_reduce_initial),
    case(ft_reduce_empty_no_init),
    case(ft_partial_methods),
    case(ft_partial_kw_override),
    case(ft_partial_too_many),
    case(ft_cmp_to_key),
    refused(ft_singledispatch, match="functools.singledispatch"),
    case(ft_total_ordering),
    case(ft_lru_cache_recursive, 30),
    case(ft_wraps_name),
    case(op_attrgetter_multi),
    case(op_attrgetter_missing),
    case(op_methodcaller),
    case(op_itemgetter_multi),
    case(op_truth_index_misc),
    case(op_index_float),
    case(op_index_custom),
    case(op_inplace_ops),
    # closures and calls
    case(cl_three_levels_shadow, 7),
    case(cl_shadow_param_in_comprehension, "outer"),
    case(cl_closure_list_of_lambdas),
    case(cl_closure_over_loop_in_def),
    case(cl_cell_after_rebind),
    case(cl_mutable_default_not_mutated),
    case(cl_default_identity),
    case(cl_forward_three_levels),
    case(cl_forward_duplicate_kw),
    case(cl_forward_multiple_values),
    case(cl_kwonly_missing),
    case(cl_kwonly_positional),
    case(cl_posonly_as_kw),
    case(cl_posonly_ok),
    case(cl_posonly_kwargs_collect),
    case(cl_unexpected_kw),
    case(cl_too_many_positional),
    case(cl_missing_multiple),
    case(cl_missing_kwonly_multiple),
    case(cl_star_non_iterable),
    case(cl_double_star_non_mapping),
    case(cl_double_star_nonstr_key),
    case(cl_lambda_defaults_kwonly),
    case(cl_recursion_memo_tuple, 25),
    case(cl_recursion_memo_dict, 100),
    refused(cl_function_attributes, match="`__code__`"),
    case(cl_unicode_identifiers),
    case(cl_chained_assignment),
    case(cl_star_unpack_for),
    case(cl_star_unpack_error),
    case(cl_swap_tuples),
    case(cl_nested_unpack_targets),
    case(cl_unpack_too_many),
    case(cl_unpack_too_few),
    # classes
    refused(cls_init_subclass, match="`cls.tag`"),
    case(cls_classmethod_factories),
    case(cls_classmethod_return),
    refused(cls_property_setter_local, match="`t.c`"),
    refused(cls_property_setter_error, match="`t.c`"),
    refused(cls_property_readonly, match="`t.f`"),
    case(cls_property_read),
    case(cls_getattr_fallback),
    case(cls_getattr_raises),
    case(cls_iter_generator),
    case(cls_truthiness),
    case(cls_bool_raises),
    case(cls_bool_returns_int),
    case(cls_len_negative),
    case(cls_eq_without_hash_set),
    case(cls_eq_without_hash_dict_key),
    case(cls_eq_without_hash_info),
    case(cls_rich_compare_reflection),
    case(cls_rich_compare_unsupported),
    case(cls_add_unsupported),
    case(cls_radd_unsupported),
    case(cls_format_repr_str),
    case(cls_format_default_bad_spec),
    case(cls_format_default_empty),
    case(cls_print_objects_with_repr),
    case(cls_index_protocol),
    case(cls_index_bad),
    case(cls_container_protocols),
    case(cls_numeric_dunders),
    case(cls_mro_super_chain),
    case(cls_class_level_constants),
    case(cls_tuple_unpack_instance),
    case(cls_return_instances),
    case(cls_recursive_repr_depth),
    case(cls_class_attr_read),
    # exceptions
    case(ex_args_and_str),
    case(ex_keyerror_str_in_message),
    case(ex_keyerror_tuple_key),
    case(ex_keyerror_empty_string),
    case(ex_custom_raise),
    case(ex_custom_attrs),
    case(ex_stop_iteration_value),
    case(ex_stop_iteration_no_value),
    refused(ex_raise_in_generator_close, match="`log.append()`"),
    case(ex_close_yield_in_finally),
    case(ex_group_split_subgroup),
    case(ex_group_derive_notes),
    case(ex_group_bad),
    case(ex_group_base_mixed),
    case(ex_star_handlers),
    case(ex_star_unhandled_rest),
    case(ex_star_naked_exception),
    case(ex_chaining_context_cause),
    case(ex_from_none),
    case(ex_uncaught_from_none),
    case(ex_raise_class_not_instance),
    case(ex_raise_bad_cause),
    case(ex_except_tuple_and_order),
    case(ex_builtin_messages),
    case(ex_finally_order_print),
    case(ex_break_in_finally),
    case(ex_continue_in_finally),
    case(ex_exception_var_deleted),
    case(ex_notes),
    case(ex_assert_message_expression),
    case(ex_assert_no_message),
    case(ex_exception_equality),
    case(ex_with_traceback_none),
    # generators
    case(gen_send_averager),
    case(gen_send_nonnone_first),
    case(gen_throw_handled),
    case(gen_throw_unhandled),
    case(gen_throw_fresh),
    refused(gen_close_finally, match="`log.append()`"),
    refused(gen_close_catch_generatorexit, match="`log.append()`"),
    case(gen_return_value_yield_from),
    case(gen_yield_from_throw_delegation),
    case(gen_yield_expression_values),
    case(gen_stopiteration_inside),
    case(gen_exhausted_then_next),
    case(gen_genexp_scope_first_iter),
    case(gen_infinite_with_islice),
    case(gen_state_attrs),
    case(gen_send_after_close),
    case(gen_generator_in_sum_with_condition),
    # containers, globals, identity, printing
    case(gl_read_constants),
    case(gl_transpose_grid),
    case(gl_config_copy_modify),
    refused(gl_mutate_global_dict, match="mutat"),
    case(dc_ordering_after_deletes),
    case(dc_methods_full),
    case(dc_views_ops),
    case(dc_comprehension_conditions),
    case(dc_int_float_key_merge),
    case(set_small_int_order),
    case(set_methods_full),
    case(set_mutations_local),
    case(id_is_checks),
    case(hash_tuples),
    case(hash_tuple_unhashable),
    case(long_strings),
    case(print_nested_containers),
    case(print_with_str_subclasses),
    case(print_bad_sep),
    case(repr_escapes_table),
    case(ascii_builtin),
    case(slice_objects_misc),
    case(slice_indices_zero_step),
    case(range_methods),
    case(range_index_missing),
    case(misc_builtins_more),
    case(misc_min_max_kw),
    case(misc_max_default_with_args),
    case(misc_zip_strict_error),
    case(misc_enumerate_nested_unpack),
    case(misc_walrus_comprehension_leak),
    case(misc_match_all),
    case(misc_conditional_chains),
    case(misc_int_str_digit_limit),
    case(misc_string_building_perf),
]
