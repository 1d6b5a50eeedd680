"""Differential cases: str and bytes methods, slicing, formatting, conversions."""
from case import case


# ---------------------------------------------------------------- indexing and slicing

def str_index(s, i):
    return s[i]


def str_slices(s):
    return (s[1:], s[:-1], s[::2], s[::-1], s[1:5:2], s[-3:], s[5:1], s[5:1:-1],
            s[100:], s[-100:2], s[::-3], s[len(s):])


def str_slice_args(s, a, b, c):
    return s[a:b:c]


def str_concat_repeat(a, b, n):
    return (a + b, a * n, n * b, (a + b) * 0, a * -2)


def str_add_int(s, n):
    return s + n


def str_iter_chars(s):
    out = []
    for ch in s:
        out.append((ch, ord(ch)))
    return out


def str_compare(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b, a in b, b in a, a not in b)


# ---------------------------------------------------------------- methods

def str_case_methods(s):
    return (s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())


def str_predicates(s):
    return (s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
            s.istitle(), s.isdecimal(), s.isnumeric(), s.isidentifier(), s.isprintable(),
            s.isascii())


def str_strip_family(s, chars):
    return (s.strip(), s.lstrip(), s.rstrip(), s.strip(chars), s.lstrip(chars), s.rstrip(chars),
            s.removeprefix(chars), s.removesuffix(chars))


def str_split_family(s, sep, maxsplit):
    return (s.split(), s.split(sep), s.split(sep, maxsplit), s.rsplit(sep, maxsplit),
            s.partition(sep), s.rpartition(sep), s.splitlines(), s.splitlines(True))


def str_split_empty_sep(s):
    return s.split("")


def str_join(sep, items):
    return sep.join(items)


def str_replace(s, old, new, count):
    return (s.replace(old, new), s.replace(old, new, count))


def str_find_family(s, sub):
    return (s.find(sub), s.rfind(sub), s.count(sub), s.startswith(sub), s.endswith(sub),
            s.find(sub, 2), s.find(sub, 1, 4), s.startswith((sub, "x")), s.count(sub, 1, -1))


def str_index_method(s, sub):
    return s.index(sub)


def str_rindex_method(s, sub):
    return s.rindex(sub)


def str_padding(s, w):
    return (s.zfill(w), s.ljust(w), s.rjust(w, "*"), s.center(w), s.center(w, "-"),
            s.expandtabs(4))


def str_center_bad_fill(s):
    return s.center(10, "ab")


def str_translate(s):
    table = str.maketrans("abc", "xyz", "d")
    return (s.translate(table), s.translate({ord("e"): None, ord("f"): "FF"}))


def str_encode_decode(s):
    b = s.encode("utf-8")
    return (b, len(b), b.decode("utf-8"), s.encode("ascii", "replace"),
            s.encode("latin-1", "ignore"))


def str_encode_strict_ascii(s):
    return s.encode("ascii")


def bytes_decode_bad(b):
    return b.decode("utf-8")


def str_format_method(a, b):
    return ("{} and {}".format(a, b), "{1}-{0}-{1}".format(a, b),
            "{x!r:>12}|{y:^7}".format(x=a, y=b), "{:{w}}".format(a, w=9),
            "{{literal}} {0}".format(a), "{0[1]}".format([a, b]))


def str_format_missing(a):
    return "{} {}".format(a)


def str_format_map_like(d):
    return "{name} is {age}".format(**d)


# ---------------------------------------------------------------- f-strings

def fstring_specs(x, s, n):
    return [
        f"{x}", f"{x!r}", f"{s!r}", f"{s!s}", f"{s!a}",
        f"{x:10.3f}|", f"{x:<10.2e}|", f"{x:+g}", f"{x:,.2f}", f"{x:_}",
        f"{n:08d}", f"{n:x}", f"{n:#X}", f"{n:#o}", f"{n:#b}", f"{n:,}", f"{n:_x}",
        f"{n:>+6}", f"{n:^9}", f"{n:=+8}", f"{n:c}" if 0 <= n < 0x110000 else "",
        f"{s:>8}", f"{s:*<8}", f"{s:.2}", f"{s:^9.3}",
        f"{x = }", f"{n * 2 = :5}",
        f"{'nested ' + s}", f"{[n, s]}", f"{ {n: s} }", f"{(x, s)!r:>30}",
    ]


def fstring_dynamic_width(s, w, p):
    return f"[{s:>{w}}] [{3.14159:.{p}f}] [{s:{'^'}{w}}]"


def fstring_bad_spec(n):
    return f"{n:d}"


def fstring_bool_none(b):
    return (f"{b}", f"{b!r}", f"{None}", f"{b:d}" if isinstance(b, bool) else "", f"{b:>6}")


# ---------------------------------------------------------------- % formatting

def percent_format(n, x, s):
    return ("%d|%5d|%-5d|%05d|%+d" % (n, n, n, n, n),
            "%f|%.2f|%10.3e|%g|%G" % (x, x, x, x, x),
            "%s|%r|%10s|%-10s|" % (s, s, s, s),
            "%x|%X|%o|%#x|%#o" % (n, n, n, n, n),
            "%c%c" % (65, "z"),
            "%%|%s" % (n,),
            "%(a)s-%(b)d" % {"a": s, "b": n},
            "%s" % [n, s],
            "%.3s" % s,
            "%*d" % (6, n))


def percent_too_few(s):
    return "%s %s" % (s,)


def percent_too_many(s):
    return "%s" % (s, s)


def percent_bad_type(s):
    return "%d" % s


# ---------------------------------------------------------------- str() / repr() / conversions

def str_repr_escapes(s):
    return (repr(s), str(s), ascii(s), len(s), repr(s * 2))


def str_from_objects(values):
    return [str(v) for v in values] + [repr(v) for v in values]


def chr_ord_roundtrip(codes):
    s = "".join(chr(c) for c in codes)
    return (s, [ord(c) for c in s], len(s), s.encode("utf-8"), s.upper())


def str_numeric_conversions(s):
    return (int(s), float(s), str(int(s)), s.isdigit())


def str_multiline_methods(s):
    lines = s.splitlines()
    return ([ln.strip() for ln in lines if ln.strip()], s.count("\n"), s.expandtabs(), s.rstrip("\n"))


def str_build_with_loop(words):
    out = ""
    for i, w in enumerate(words):
        if i:
            out += ", "
        out += w.upper() if i % 2 else w
    return out


def str_sorting(words):
    return (sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True),
            max(words), min(words, key=lambda w: (len(w), w)))


def str_unicode_stuff(s):
    return (len(s), s.upper(), s.lower(), s[::-1], s.encode("utf-8"), s.encode("utf-16-le"),
            s.isalpha(), [c.isupper() for c in s])


def str_immutable_assign(s):
    s[0] = "x"
    return s


def str_methods_chain(s):
    return s.strip().lower().replace(" ", "_").removeprefix("the_").title().center(20, ".")


def str_print_forms(s, n):
    print(s, n, sep=" :: ", end=" <end>\n")
    print(repr(s), [s], (s,), {s: n})
    print()
    print("a", "b", sep="")
    print(f"{s!r:>15}|{n:>6,}")
    return len(s)


# ---------------------------------------------------------------- bytes

def bytes_basics(b):
    return (len(b), b[0], b[-1], b[1:3], b[::-1], list(b), b + b"!", b * 2, b"l" in b, 108 in b,
            b.upper(), b.lower(), b.hex(), bytes.fromhex(b.hex()) == b)


def bytes_methods(b, sep):
    return (b.split(sep), b.replace(sep, b"--"), b.find(sep), b.count(sep), b.strip(),
            b.startswith(sep), sep.join([b, b]), b.partition(sep), b.rjust(12, b"."),
            b.zfill(10), b.title(), b.isalpha(), b.isdigit(), b.decode("ascii"))


def bytes_construct(n, items, s):
    return (bytes(n), bytes(items), bytes(s, "utf-8"), bytes(range(65, 70)), reversed_bytes(items))


def reversed_bytes(items):
    return bytes(reversed(items))


def bytes_bad_value(items):
    return bytes(items)


def bytes_repr_str(b):
    return (repr(b), str(b), f"{b!r}", "%s" % b, b"%d-%s" % (5, b))


def bytes_str_mix(b, s):
    return b + s


def bytes_index(b, i):
    return b[i]


def bytes_compare(a, b):
    return (a < b, a == b, a > b, a == a.decode("latin-1"), sorted([b, a]))


CASES = [
    case(str_index, "hello", 0),
    case(str_index, "hello", -1),
    case(str_index, "hello", 5),
    case(str_index, "", 0),
    case(str_slices, "abcdefghij"),
    case(str_slices, ""),
    case(str_slices, "x"),
    case(str_slice_args, "abcdefghij", None, None, -1),
    case(str_slice_args, "abcdefghij", -2, 1, -2),
    case(str_slice_args, "abcdefghij", 2, 8, 0),
    case(str_concat_repeat, "ab", "cd", 3),
    case(str_concat_repeat, "", "x", 0),
    case(str_add_int, "a", 1),
    case(str_iter_chars, "aZ 9\u00e9\u20ac"),
    case(str_compare, "apple", "apples"),
    case(str_compare, "b", "abc"),
    case(str_compare, "", ""),
    case(str_case_methods, "hello World, it's ok"),
    case(str_case_methods, "\u00dfTRASSE \u0130stanbul"),
    case(str_predicates, "abc123"),
    case(str_predicates, "12345"),
    case(str_predicates, "   \t\n"),
    case(str_predicates, "Hello World"),
    case(str_predicates, ""),
    case(str_predicates, "\u00bd\u0663"),
    case(str_predicates, "_valid_name1"),
    case(str_strip_family, "  xxhello worldxx  ", "x "),
    case(str_strip_family, "abcHELLOcba", "abc"),
    case(str_strip_family, "", "a"),
    case(str_split_family, "a,b,,c,d", ",", 2),
    case(str_split_family, "  one  two\tthree\nfour  ", " ", 1),
    case(str_split_family, "line1\nline2\r\nline3\n", "\n", -1),
    case(str_split_family, "", ",", 0),
    case(str_split_empty_sep, "abc"),
    case(str_join, ", ", ["a", "b", "c"]),
    case(str_join, "", []),
    case(str_join, "-", ("x",)),
    case(str_join, ",", ["a", 1, "b"]),
    case(str_replace, "aaaa", "a", "bb", 2),
    case(str_replace, "hello world", "", "-", 3),
    case(str_replace, "mississippi", "ss", "SS", -1),
    case(str_find_family, "hello hello", "llo"),
    case(str_find_family, "hello", "z"),
    case(str_find_family, "aaaa", ""),
    case(str_index_method, "hello", "l"),
    case(str_index_method, "hello", "z"),
    case(str_rindex_method, "hello", "l"),
    case(str_rindex_method, "hello", "q"),
    case(str_padding, "42", 6),
    case(str_padding, "-42", 6),
    case(str_padding, "+7", 5),
    case(str_padding, "a\tb", 2),
    case(str_padding, "toolongvalue", 3),
    case(str_center_bad_fill, "x"),
    case(str_translate, "abcdefabcd"),
    case(str_encode_decode, "h\u00e9llo \u20ac \U0001f600"),
    case(str_encode_decode, "plain"),
    case(str_encode_strict_ascii, "caf\u00e9"),
    case(bytes_decode_bad, b"\xff\xfe"),
    case(bytes_decode_bad, b"ok\xc3"),
    case(str_format_method, "abc", 42),
    case(str_format_method, 3.5, None),
    case(str_format_method, 3.5, "z"),
    case(str_format_missing, "x"),
    case(str_format_map_like, {"name": "Ann", "age": 33}),
    case(str_format_map_like, {"name": "Ann"}),
    case(fstring_specs, 1234.5678, "hi\u00e9", 255),
    case(fstring_specs, -0.5, "", -42),
    case(fstring_specs, 1e-10, "a'b\"c", 0),
    case(fstring_dynamic_width, "ab", 6, 2),
    case(fstring_dynamic_width, "abcdefgh", 3, 0),
    case(fstring_bad_spec, 2.5),
    case(fstring_bad_spec, "s"),
    case(fstring_bool_none, True),
    case(fstring_bool_none, False),
    case(percent_format, 42, 3.14159, "hey"),
    case(percent_format, -7, -1e10, "it's"),
    case(percent_too_few, "a"),
    case(percent_too_many, "a"),
    case(percent_bad_type, "a"),
    case(str_repr_escapes, "tab\there\nnl 'q' \"dq\" \\ \x00 \x7f \u00e9 \u200b \U0001f600"),
    case(str_repr_escapes, "it's"),
    case(str_repr_escapes, "both ' and \""),
    case(str_from_objects, [1, -2.5, 1e100, None, True, (1,), [1, "a"], {"k": (1, 2)}, {3}, 1j,
                            frozenset(), set(), (), range(2, 9, 3), b"x'y", "s"]),
    case(chr_ord_roundtrip, [72, 105, 233, 8364, 128512]),
    case(chr_ord_roundtrip, [0x110000]),
    case(chr_ord_roundtrip, [-1]),
    case(str_numeric_conversions, " 0042 "),
    case(str_numeric_conversions, "12_345"),
    case(str_numeric_conversions, "4.5"),
    case(str_numeric_conversions, "\u0661\u0662"),
    case(str_multiline_methods, "  first\n\n\tsecond  \n third\n"),
    case(str_build_with_loop, ["alpha", "beta", "gamma", "delta"]),
    case(str_build_with_loop, []),
    case(str_sorting, ["banana", "Apple", "cherry", "apple", "Banana", "fig"]),
    case(str_unicode_stuff, "\u00c5ngstr\u00f6m \u03a3\u03c3\u03c2"),
    case(str_immutable_assign, "abc"),
    case(str_methods_chain, "  The Quick Brown fox  "),
    case(str_print_forms, "it's", 12345),
    case(str_print_forms, "", -1),
    case(bytes_basics, b"hello"),
    case(bytes_methods, b"  a,b,,c  ", b","),
    case(bytes_methods, b"xyz", b"y"),
    case(bytes_construct, 3, [0, 127, 255], "\u00e9"),
    case(bytes_bad_value, [1, 256]),
    case(bytes_bad_value, [1, "a"]),
    case(bytes_repr_str, b"a'b\x00\xff\n"),
    case(bytes_str_mix, b"a", "b"),
    case(bytes_index, b"abc", 3),
    case(bytes_compare, b"abc", b"abd"),
]
