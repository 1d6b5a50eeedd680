"""Python's arithmetic in LLVM IR, as a table of small rules: each gives Python's answer or leaves.

An int result that does not fit 64 bits, a division or modulo by zero, a float
power that Python would make complex or raise for, a math function's domain
or range error, and an exact int-float comparison that doubles cannot decide
all leave native code (`Lowering.leave_if`), and tier 0 computes the
statement with Python's own semantics. Floor division and modulo follow
CPython's `long_divmod` and `float_divmod` step by step, so the bits agree.
"""
import ast
import math

from llvmlite import ir

from .native_ir import F64, I1, I64, Why
from .native_types import NotCompilable
from .native_values import UNIONS, NType

_ZERO, _ONE = ir.Constant(I64, 0), ir.Constant(I64, 1)
_FZERO = ir.Constant(F64, 0.0)


def _with_overflow(module, name: str):
    """`llvm.<name>.with.overflow.i64`: (result, whether it overflowed)."""
    full = f"llvm.{name}.with.overflow.i64"
    fn = module.globals.get(full)
    if fn is None:
        fn = ir.Function(module, ir.FunctionType(ir.LiteralStructType([I64, I1]), [I64, I64]), full)
    return fn


def _checked(name: str):
    """An int rule through `llvm.<name>.with.overflow.i64`, leaving where it overflows."""
    def rule(low, a, b):
        builder = low.builder
        fn = _with_overflow(low.module, name)
        pair = builder.call(fn, [a, b])
        low.leave_if(builder.extract_value(pair, 1), Why.OVERFLOW)
        return builder.extract_value(pair, 0)
    return rule


def _int_divmod(low, a, b):
    """(a // b, a % b) as Python floors them."""
    builder = low.builder
    low.leave_if(builder.icmp_signed("==", b, _ZERO), Why.ZERO_DIVISION)
    low.leave_if(builder.and_(builder.icmp_signed("==", a, ir.Constant(I64, -(1 << 63))),
                              builder.icmp_signed("==", b, ir.Constant(I64, -1))), Why.OVERFLOW)
    q, r = builder.sdiv(a, b), builder.srem(a, b)
    adjust = builder.and_(builder.icmp_signed("!=", r, _ZERO),
                          builder.icmp_signed("<", builder.xor(r, b), _ZERO))
    return (builder.select(adjust, builder.sub(q, _ONE), q), builder.select(adjust, builder.add(r, b), r))


def _float_divmod(low, a, b):
    """(a // b, a % b) for floats, as CPython's float_divmod computes them."""
    builder = low.builder
    low.leave_if(builder.fcmp_ordered("==", b, _FZERO), Why.ZERO_DIVISION)
    mod = builder.frem(a, b)
    div = builder.fdiv(builder.fsub(a, mod), b)
    nonzero = builder.fcmp_unordered("!=", mod, _FZERO)
    fix = builder.and_(nonzero, builder.xor(builder.fcmp_ordered("<", b, _FZERO),
                                            builder.fcmp_ordered("<", mod, _FZERO)))
    mod = builder.select(fix, builder.fadd(mod, b), mod)
    div = builder.select(fix, builder.fsub(div, ir.Constant(F64, 1.0)), div)
    copysign = _intrinsic(low.module, "copysign", 2)
    mod = builder.select(nonzero, mod, builder.call(copysign, [_FZERO, b]))
    floor = builder.call(low.module.declare_intrinsic("llvm.floor", [F64]), [div])
    floor = builder.select(builder.fcmp_ordered(">", builder.fsub(div, floor), ir.Constant(F64, 0.5)),
                           builder.fadd(floor, ir.Constant(F64, 1.0)), floor)
    quotient = builder.select(builder.fcmp_unordered("!=", div, _FZERO), floor,
                              builder.call(copysign, [_FZERO, builder.fdiv(a, b)]))
    return quotient, mod


def _intrinsic(module, name: str, arity: int):
    """`llvm.<name>.f64` of `arity` doubles (llvmlite's declare_intrinsic knows one-operand ones only)."""
    full = f"llvm.{name}.f64"
    fn = module.globals.get(full)
    if fn is None:
        fn = ir.Function(module, ir.FunctionType(F64, [F64] * arity), full)
    return fn


def int_true_divide(low, a, b):
    """a / b of two ints: exact in doubles while both are at most 2**53 in size, else left to tier 0."""
    builder = low.builder
    low.leave_if(builder.icmp_signed("==", b, _ZERO), Why.ZERO_DIVISION)
    for v in (a, b):
        low.leave_if(_exceeds_2_53(builder, v), Why.BEYOND_2_53)
    return builder.fdiv(builder.sitofp(a, F64), builder.sitofp(b, F64))


def _exceeds_2_53(builder, v):
    limit = ir.Constant(I64, 1 << 53)
    return builder.or_(builder.icmp_signed(">", v, limit), builder.icmp_signed("<", v, builder.neg(limit)))


def _float_true_divide(low, a, b):
    low.leave_if(low.builder.fcmp_ordered("==", b, _FZERO), Why.ZERO_DIVISION)
    return low.builder.fdiv(a, b)


def _int_power(low, a, b):
    """a ** b by squaring, with every product checked; a negative exponent (a float result) leaves."""
    builder = low.builder
    low.leave_if(builder.icmp_signed("<", b, _ZERO), Why.NEGATIVE_POWER)
    multiply = _with_overflow(low.module, "smul")
    head, body, done = (low.fn.append_basic_block(n) for n in ("pow", "powstep", "powdone"))
    before = builder.block
    builder.branch(head)
    builder.position_at_end(head)
    result, base, exp = builder.phi(I64), builder.phi(I64), builder.phi(I64)
    result.add_incoming(_ONE, before)
    base.add_incoming(a, before)
    exp.add_incoming(b, before)
    builder.cbranch(builder.icmp_signed(">", exp, _ZERO), body, done)
    builder.position_at_end(body)
    odd = builder.icmp_signed("!=", builder.and_(exp, _ONE), _ZERO)
    product = builder.call(multiply, [result, base])
    low.leave_if(builder.and_(odd, builder.extract_value(product, 1)), Why.OVERFLOW)
    new_result = builder.select(odd, builder.extract_value(product, 0), result)
    new_exp = builder.ashr(exp, _ONE)
    square = builder.call(multiply, [base, base])
    low.leave_if(builder.and_(builder.icmp_signed(">", new_exp, _ZERO), builder.extract_value(square, 1)), Why.OVERFLOW)
    result.add_incoming(new_result, builder.block)
    base.add_incoming(builder.extract_value(square, 0), builder.block)
    exp.add_incoming(new_exp, builder.block)
    builder.branch(head)
    builder.position_at_end(done)
    return result


def _float_power(low, a, b):
    """a ** b with C's pow, leaving where Python raises or gives a complex: a zero to a negative
    power, a negative number to a non-integral one, an infinite result of finite operands."""
    builder = low.builder
    pow_ = _libm(low, "pow", 2)
    low.leave_if(builder.and_(builder.fcmp_ordered("==", a, _FZERO), builder.fcmp_ordered("<", b, _FZERO)),
                 Why.ZERO_POWER)
    floor = builder.call(low.module.declare_intrinsic("llvm.floor", [F64]), [b])
    fractional = builder.fcmp_ordered("!=", floor, b)
    low.leave_if(builder.and_(builder.fcmp_ordered("<", a, _FZERO), fractional), Why.COMPLEX_POWER)
    result = builder.call(pow_, [a, b])
    low.leave_if(builder.and_(_is_inf(low, result), builder.and_(_is_finite(low, a), _is_finite(low, b))),
                 Why.FLOAT_RANGE)
    return result


def _is_inf(low, x):
    fabs = low.module.declare_intrinsic("llvm.fabs", [F64])
    return low.builder.fcmp_ordered("==", low.builder.call(fabs, [x]), ir.Constant(F64, float("inf")))


def _is_finite(low, x):
    fabs = low.module.declare_intrinsic("llvm.fabs", [F64])
    return low.builder.fcmp_ordered("<", low.builder.call(fabs, [x]), ir.Constant(F64, float("inf")))


def _is_nan(low, x):
    return low.builder.fcmp_unordered("uno", x, x)


def _libm(low, name: str, arity: int):
    fn = low.module.globals.get(name)
    if fn is None:
        fn = ir.Function(low.module, ir.FunctionType(F64, [F64] * arity), name)
    return fn


def _shift_left(low, a, b):
    builder = low.builder
    low.leave_if(builder.icmp_unsigned(">=", b, ir.Constant(I64, 64)), Why.SHIFT)       # negative, or past 64 bits
    shifted = builder.shl(a, b)
    low.leave_if(builder.icmp_signed("!=", builder.ashr(shifted, b), a), Why.SHIFT)
    return shifted


def _shift_right(low, a, b):
    builder = low.builder
    low.leave_if(builder.icmp_signed("<", b, _ZERO), Why.SHIFT)
    return builder.ashr(a, builder.select(builder.icmp_signed(">", b, ir.Constant(I64, 63)), ir.Constant(I64, 63), b))


ARITHMETIC = {
    (ast.Add, NType.INT): _checked("sadd"),
    (ast.Sub, NType.INT): _checked("ssub"),
    (ast.Mult, NType.INT): _checked("smul"),
    (ast.FloorDiv, NType.INT): lambda low, a, b: _int_divmod(low, a, b)[0],
    (ast.Mod, NType.INT): lambda low, a, b: _int_divmod(low, a, b)[1],
    (ast.Pow, NType.INT): _int_power,
    (ast.BitAnd, NType.INT): lambda low, a, b: low.builder.and_(a, b),
    (ast.BitOr, NType.INT): lambda low, a, b: low.builder.or_(a, b),
    (ast.BitXor, NType.INT): lambda low, a, b: low.builder.xor(a, b),
    (ast.BitAnd, NType.BOOL): lambda low, a, b: low.builder.and_(a, b),
    (ast.BitOr, NType.BOOL): lambda low, a, b: low.builder.or_(a, b),
    (ast.BitXor, NType.BOOL): lambda low, a, b: low.builder.xor(a, b),
    (ast.LShift, NType.INT): _shift_left,
    (ast.RShift, NType.INT): _shift_right,
    (ast.Add, NType.FLOAT): lambda low, a, b: low.builder.fadd(a, b),
    (ast.Sub, NType.FLOAT): lambda low, a, b: low.builder.fsub(a, b),
    (ast.Mult, NType.FLOAT): lambda low, a, b: low.builder.fmul(a, b),
    (ast.FloorDiv, NType.FLOAT): lambda low, a, b: _float_divmod(low, a, b)[0],
    (ast.Mod, NType.FLOAT): lambda low, a, b: _float_divmod(low, a, b)[1],
    (ast.Pow, NType.FLOAT): _float_power,
}


ARITHMETIC[(ast.Div, NType.FLOAT)] = _float_true_divide     # of two ints: int_true_divide (native_lower)


def _numpy_fault(low, a, b, result):
    """Where numpy's float64 arithmetic would set an error flag (and warn, or raise under
    `numpy.errstate`): an infinite result of finite operands (overflow, or division by zero), a NaN
    of operands that are not NaN (invalid). Underflow is ignored, as numpy's default is; the VM
    enters native code with numpy scalars only under numpy's default error state (vm/jit.py)."""
    builder = low.builder
    overflow = builder.and_(_is_inf(low, result), builder.and_(_is_finite(low, a), _is_finite(low, b)))
    invalid = builder.and_(_is_nan(low, result), builder.not_(builder.or_(_is_nan(low, a), _is_nan(low, b))))
    return builder.or_(overflow, invalid)


def _numpy_float(rule, finite_operands: bool = False):
    """numpy float64 arithmetic: IEEE's result where no error flag is set, else tier 0 (which warns
    or raises as numpy does). With `finite_operands`, infinite or NaN operands leave too (numpy's
    floor division, modulo and power of those have rules of their own)."""
    def checked(low, a, b):
        if finite_operands:
            low.leave_if(low.builder.not_(low.builder.and_(_is_finite(low, a), _is_finite(low, b))), Why.NUMPY)
        result = rule(low, a, b)
        low.leave_if(_numpy_fault(low, a, b, result), Why.NUMPY)
        return result
    return checked


def _numpy_power(low, a, b):
    """float64 ** float64 is C's pow in numpy, as in CPython, but where CPython raises (a zero to a
    negative power, a negative number to a fractional one) numpy sets a flag: both leave."""
    builder = low.builder
    low.leave_if(builder.and_(builder.fcmp_ordered("==", a, _FZERO), builder.fcmp_ordered("<", b, _FZERO)),
                 Why.ZERO_POWER)
    floor = builder.call(low.module.declare_intrinsic("llvm.floor", [F64]), [b])
    low.leave_if(builder.and_(builder.fcmp_ordered("<", a, _FZERO), builder.fcmp_ordered("!=", floor, b)),
                 Why.COMPLEX_POWER)
    return builder.call(_libm(low, "pow", 2), [a, b])


ARITHMETIC.update({
    (ast.Add, NType.NP_FLOAT): _numpy_float(ARITHMETIC[(ast.Add, NType.FLOAT)]),
    (ast.Sub, NType.NP_FLOAT): _numpy_float(ARITHMETIC[(ast.Sub, NType.FLOAT)]),
    (ast.Mult, NType.NP_FLOAT): _numpy_float(ARITHMETIC[(ast.Mult, NType.FLOAT)]),
    (ast.Div, NType.NP_FLOAT): _numpy_float(_float_true_divide),
    (ast.FloorDiv, NType.NP_FLOAT): _numpy_float(ARITHMETIC[(ast.FloorDiv, NType.FLOAT)], True),
    (ast.Mod, NType.NP_FLOAT): _numpy_float(ARITHMETIC[(ast.Mod, NType.FLOAT)], True),
    (ast.Pow, NType.NP_FLOAT): _numpy_float(_numpy_power, True),
})
# numpy's int64 arithmetic wraps where it overflows (warning, but for `**`) and gives 0 for a division
# by zero: every such case leaves, as Python's int rules already do, and tier 0 does numpy's.
ARITHMETIC.update({(op, NType.NP_INT): ARITHMETIC[(op, NType.INT)]
                   for op in (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod, ast.Pow)})
# A local that holds both Python's numbers and numpy's: numpy's rules leave wherever Python's do (and
# more), so they are right for either; the result is numpy's where an operand is (native_lower).
ARITHMETIC.update({(op, union): ARITHMETIC[(op, numpy)] for (op, numpy) in list(ARITHMETIC)
                   for union, (_, member) in UNIONS.items() if member is numpy})

_INT_PREDICATES = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}


def compare(low, op, a, at: NType, b, bt: NType):
    """`a op b` as Python compares numbers: ints exactly, floats as IEEE (NaN unequal to all), an int
    and a float exactly (left to tier 0 where the int is past 2**53)."""
    builder = low.builder
    predicate = _INT_PREDICATES[type(op)]
    if NType.FLOAT not in (at, bt):
        return builder.icmp_signed(predicate, low.convert(a, at, NType.INT), low.convert(b, bt, NType.INT))
    for value, t in ((a, at), (b, bt)):
        if t is NType.INT:
            low.leave_if(_exceeds_2_53(builder, value), Why.BEYOND_2_53)
    a, b = low.convert(a, at, NType.FLOAT), low.convert(b, bt, NType.FLOAT)
    if predicate == "!=":
        return builder.fcmp_unordered("!=", a, b)
    return builder.fcmp_ordered(predicate, a, b)


def call_math(low, name: str, args: list, types_: list, result: NType):
    """A math function: the C library's, leaving where CPython raises (a NaN of a number, an infinity
    of finite numbers); floor, ceil and trunc give an int that must fit 64 bits."""
    builder = low.builder
    args = [low.convert(a, t, NType.FLOAT) if t is not NType.INT or result is NType.FLOAT else a
            for a, t in zip(args, types_)]
    if result is NType.INT:
        if types_[0] is not NType.FLOAT:
            return low.convert(args[0], types_[0], NType.INT)
        rounded = builder.call(low.module.declare_intrinsic(f"llvm.{name}", [F64]), [args[0]])
        fits = builder.and_(builder.fcmp_ordered(">=", rounded, ir.Constant(F64, -2.0 ** 63)),
                            builder.fcmp_ordered("<", rounded, ir.Constant(F64, 2.0 ** 63)))
        low.leave_if(builder.not_(fits), Why.FLOAT_TO_INT)
        return builder.fptosi(rounded, I64)
    value = builder.call(_libm(low, name, len(args)), args)
    if name == "copysign" or name == "fabs":
        return value
    inputs_nan = _is_nan(low, args[0]) if len(args) == 1 else builder.or_(_is_nan(low, args[0]),
                                                                          _is_nan(low, args[1]))
    low.leave_if(builder.and_(_is_nan(low, value), builder.not_(inputs_nan)), Why.MATH_DOMAIN)
    finite = _is_finite(low, args[0]) if len(args) == 1 else builder.and_(_is_finite(low, args[0]),
                                                                          _is_finite(low, args[1]))
    low.leave_if(builder.and_(_is_inf(low, value), finite), Why.FLOAT_RANGE)
    return value


def complex_arithmetic(low, op, a: tuple, b: tuple):
    """`a op b` of complex numbers given as (real, imaginary) doubles, as CPython's _Py_c_sum,
    _Py_c_diff and _Py_c_prod compute them (in that order, no fused multiply-add)."""
    builder = low.builder
    (ar, ai), (br, bi) = a, b
    if isinstance(op, ast.Add):
        real, imag = builder.fadd(ar, br), builder.fadd(ai, bi)
    elif isinstance(op, ast.Sub):
        real, imag = builder.fsub(ar, br), builder.fsub(ai, bi)
    else:
        real = builder.fsub(builder.fmul(ar, br), builder.fmul(ai, bi))
        imag = builder.fadd(builder.fmul(ar, bi), builder.fmul(ai, br))
    return low.complex_of(real, imag)


def _complex_abs(low, value):
    """abs(z) as CPython's _Py_c_abs: an infinite part (the real one first) gives its magnitude, even
    beside a NaN; another NaN gives Py_NAN (a positive quiet NaN); else hypot, leaving where finite
    parts give an infinity (OverflowError)."""
    builder = low.builder
    real, imag = builder.extract_value(value, 0), builder.extract_value(value, 1)
    fabs = low.module.declare_intrinsic("llvm.fabs", [F64])
    finite = builder.and_(_is_finite(low, real), _is_finite(low, imag))
    result = builder.call(_libm(low, "hypot", 2), [real, imag])
    low.leave_if(builder.and_(_is_inf(low, result), finite), Why.FLOAT_RANGE)
    special = builder.select(_is_inf(low, real), builder.call(fabs, [real]),
                             builder.select(_is_inf(low, imag), builder.call(fabs, [imag]), ir.Constant(F64, math.nan)))
    return builder.select(finite, result, special)


def call_builtin(low, name: str, args: list, types_: list, result: NType):
    builder = low.builder
    if name == "abs_complex":
        return _complex_abs(low, args[0])
    if name == "abs":
        value = low.convert(args[0], types_[0], result)
        if result is NType.FLOAT:
            return builder.call(low.module.declare_intrinsic("llvm.fabs", [F64]), [value])
        low.leave_if(builder.icmp_signed("==", value, ir.Constant(I64, -(1 << 63))), Why.OVERFLOW)
        return builder.select(builder.icmp_signed("<", value, _ZERO), builder.neg(value), value)
    if name in ("min", "max"):
        best = args[0]
        op = ast.Lt() if name == "min" else ast.Gt()
        for value in args[1:]:
            best = builder.select(compare(low, op, value, result, best, result), value, best)
        return best
    if name == "sum_total":     # vm/prelude.py _sum_total: a compensation that is zero or not finite is left out
        if result is NType.INT:
            return args[0]
        compensation = args[1]
        finite = builder.fcmp_ordered("<", builder.call(low.module.declare_intrinsic("llvm.fabs", [F64]),
                                                         [compensation]), ir.Constant(F64, math.inf))
        used = builder.and_(finite, builder.fcmp_unordered("!=", compensation, ir.Constant(F64, 0.0)))
        return builder.select(used, builder.fadd(args[0], compensation), args[0])
    if name == "float":
        return low.convert(args[0], types_[0], NType.FLOAT)
    if name == "bool":
        return low.truth_of(args[0], types_[0])
    if name == "int":
        if types_[0] is not NType.FLOAT:
            return low.convert(args[0], types_[0], NType.INT)
        fits = builder.and_(builder.fcmp_ordered(">", args[0], ir.Constant(F64, -2.0 ** 63 - 1.0)),
                            builder.fcmp_ordered("<", args[0], ir.Constant(F64, 2.0 ** 63)))
        low.leave_if(builder.not_(fits), Why.FLOAT_TO_INT)
        return builder.fptosi(args[0], I64)
    raise NotCompilable(f"the builtin `{name}`", low.statement)

