"""Suspend/resume over a fast selection of the differential cases: same value, exception and output as CPython.

Each selected case of tests/differential/cases_*.py is run in this process, suspended after each
count of statements in a schedule, its continuation round-tripped through bytes and resumed; what
comes out must be what CPython gives. A case is named `module.function`, with `#k` for the k-th
case (counting from 0, refused and keyword cases left out) of a function that has several.
"""
import copy
import importlib.util
import pathlib
import sys

import pytest

from test_suspend import cpython, suspending_run


_DIFFERENTIAL = pathlib.Path(__file__).resolve().parent.parent / "differential"
if str(_DIFFERENTIAL) not in sys.path:
    sys.path.insert(0, str(_DIFFERENTIAL))

from case import Case  # noqa: E402  (tests/differential/case.py)
from harness import assert_same_value  # noqa: E402  (tests/differential/harness.py)


SCHEDULES = {
    "0": [0],
    "1x300": [1] * 300,
    "3x300": [3] * 300,
    "7x100": [7] * 100,
    "2-40-1-100": [2, 40, 1, 100],
}

# Cases that pass under every schedule above, chosen for speed (each well under a second in all)
# and for suspending several times, across every cases_*.py file.
SELECTED = [
    "cases_benchmarks.pidigits_gibbons",
    "cases_benchmarks.knapsack",
    "cases_benchmarks.int_augassign_after_alias",
    "cases_benchmarks.int_augassign_after_store",
    "cases_benchmarks.setdefault_then_append",
    "cases_benchmarks.get_then_append",
    "cases_builtins.builtin_enumerate#1",
    "cases_builtins.builtin_map#1",
    "cases_builtins.builtin_zip#1",
    "cases_builtins.builtin_iter_next#1",
    "cases_builtins.builtin_max_ties",
    "cases_builtins.builtin_max_empty#1",
    "cases_builtins.builtin_min_mixed#2",
    "cases_builtins.builtin_max_single_scalar",
    "cases_builtins.builtin_sorted",
    "cases_builtins.builtin_sum#1",
    "cases_builtins.builtin_range_forms#1",
    "cases_builtins.builtin_isinstance",
    "cases_builtins.math_trig#2",
    "cases_builtins.math_misc#1",
    "cases_builtins.cmath_funcs#2",
    "cases_builtins.functools_reduce#1",
    "cases_builtins.itertools_zip_longest#1",
    "cases_builtins.itertools_product_sum",
    "cases_builtins.generator_with_builtins#1",
    "cases_classes_reach.local_class_basics",
    "cases_classes_reach.local_subclass_of_module_class",
    "cases_classes_reach.local_exceptions",
    "cases_classes_reach.local_class_dunders",
    "cases_classes_reach.local_class_generator_method",
    "cases_classes_reach.local_class_recursive_structure",
    "cases_classes_reach.local_class_closure_sees_later_values",
    "cases_classes_reach.local_class_body_values",
    "cases_classes_reach.dataclass_factory_and_post_init",
    "cases_classes_reach.dataclass_frozen_order",
    "cases_classes_reach.enum_basics#0",
    "cases_classes_reach.int_enum_and_flag",
    "cases_classes_reach.namedtuple_lines",
    "cases_classes_reach.local_dataclass_and_enum",
    "cases_classes_reach.uses_os_value",
    "cases_classes_reach.service_prices",
    "cases_classes_reach.simulate",
    "cases_stateful.welford_bank",
    "cases_stateful.particles",
    "cases_stateful.monte_carlo_pi",
    "cases_stateful.memo_fib",
    "cases_stateful.edit_distance",
    "cases_stateful.nonlocal_counter",
    "cases_stateful.nonlocal_rebinding_dict",
    "cases_stateful.nbody_lists",
    "cases_stateful.item_extended_in_place",
    "cases_stateful.reachable_pairs",
    "cases_stateful.dataclass_particles",
    "cases_classes.points_as_dict_keys",
    "cases_classes.instance_attr_shadows_class_attr#1",
    "cases_classes.sort_versions",
    "cases_classes.old_iteration_protocol#1",
    "cases_classes.deep_chain#1",
    "cases_classes.small_chain",
    "cases_classes.tree_stats",
    "cases_classes.small_tree",
    "cases_classes.rpn#1",
    "cases_classes.rpn_stack",
    "cases_collections.grouped_through_module",
    "cases_collections.word_groups#0",
    "cases_collections.rolling",
    "cases_containers.unpack_nested#0",
    "cases_containers.unpack_star_in_literals",
    "cases_containers.list_nested#1",
    "cases_containers.list_sorting#1",
    "cases_containers.list_append_loop#0",
    "cases_containers.list_item_assign#0",
    "cases_containers.list_slice_assign",
    "cases_containers.list_slice_assign_shrink#1",
    "cases_containers.list_del#1",
    "cases_containers.list_methods_mutating#1",
    "cases_containers.list_clear_and_reuse",
    "cases_containers.list_build_matrix#0",
    "cases_containers.list_stack_queue",
    "cases_containers.dict_build_counts#0",
    "cases_containers.dict_popitem",
    "cases_containers.dict_nested_grouping",
    "cases_containers.set_mutations#1",
    "cases_containers.set_pop_ints",
    "cases_containers.set_int_repr#1",
    "cases_containers.range_basics#1",
    "cases_containers.enumerate_zip_containers#0",
    "cases_containers.containers_print#1",
    "cases_control.while_else#0",
    "cases_control.nested_loops",
    "cases_control.collatz_steps",
    "cases_control.context_chain#1",
    "cases_control.match_all",
    "cases_control.walrus_any#1",
    "cases_control.run_generators",
    "cases_control.generator_return_value",
    "cases_control.lazy_pipeline",
    "cases_control.sum_with_print",
    "cases_corners.s_identifier_predicates",
    "cases_corners.s_printable_space",
    "cases_corners.i_divmod_negative_table",
    "cases_corners.rat_continued_fraction#1",
    "cases_corners.num_newton_isqrt",
    "cases_corners.num_pi_digits",
    "cases_corners.sort_stable_reverse_equal",
    "cases_corners.sort_key_error_propagates",
    "cases_corners.sort_by_str_lower",
    "cases_corners.misc_string_building_perf",
    "cases_functions.apply_pair#1",
    "cases_functions.powers",
    "cases_functions.count_up#1",
    "cases_functions.closure_sees_rebinding",
    "cases_functions.three_levels",
    "cases_functions.shared_cell",
    "cases_functions.fact#1",
    "cases_functions.fib",
    "cases_functions.ackermann",
    "cases_functions.hanoi#0",
    "cases_functions.flatten",
    "cases_functions.y_combinator_fact",
    "cases_functions.recursive_closure",
    "cases_functions.fact_negative_error#0",
    "cases_functions.getters",
    "cases_functions.call_error#14",
    "cases_functions.use_decorated",
    "cases_functions.bump",
    "cases_guide.loopSum#2",
    "cases_guide.loopSumF#2",
    "cases_guide.applyCallable#0",
    "cases_guide.typeExplosion#2",
    "cases_guide.buildTuple#1",
    "cases_guide.tupleDispatch#1",
    "cases_guide.listBuild",
    "cases_guide.isPrime#0",
    "cases_guide.primesList",
    "cases_guide.primeFlags",
    "cases_guide.sum#0",
    "cases_guide.sumSquares",
    "cases_guide.nestedSum#1",
    "cases_guide.sumOfIsPrime",
    "cases_guide.sumWithRaise#1",
    "cases_guide.sumPrinting",
    "cases_primitives.int_big_factorial_digits#0",
    "cases_primitives.int_bit_length_and_count#1",
    "cases_primitives.int_from_bytes_roundtrip#0",
    "cases_primitives.float_mod_signs#1",
    "cases_primitives.float_int_conversions#1",
    "cases_primitives.float_hex_roundtrip#1",
    "cases_primitives.complex_arith#2",
    "cases_primitives.truthiness",
    "cases_primitives.print_numbers#1",
    "cases_primitives.float_aug_ops#1",
    "cases_semantics.floordiv_mod_table",
    "cases_semantics.recursive_lambda_via_default",
    "cases_semantics.fib_memo",
    "cases_semantics.flatten",
    "cases_semantics.hanoi",
    "cases_semantics.ackermann",
    "cases_semantics.tree_build",
    "cases_semantics.pep479_explicit",
    "cases_strings.str_iter_chars",
    "cases_strings.str_case_methods#1",
    "cases_strings.str_predicates#2",
    "cases_strings.str_strip_family#1",
    "cases_strings.str_split_family#1",
    "cases_strings.str_find_family#2",
    "cases_strings.str_padding#1",
    "cases_strings.str_translate",
    "cases_strings.str_encode_decode#1",
    "cases_strings.str_format_method#2",
    "cases_strings.str_repr_escapes#2",
    "cases_strings.chr_ord_roundtrip#0",
    "cases_strings.str_numeric_conversions#1",
    "cases_strings.str_multiline_methods",
    "cases_strings.str_build_with_loop#0",
    "cases_strings.str_unicode_stuff",
    "cases_strings.str_methods_chain",
    "cases_strings.str_print_forms#1",
    "cases_strings.bytes_methods#1",
    "cases_strings.bytes_construct",
    "cases_strings.bytes_compare",
    "cases_ufora.str_slice_perf#1",
    "cases_ufora.fact#2",
    "cases_ufora.fib#1",
    "cases_ufora.continue_in_while",
    "cases_ufora.continue_in_for",
    "cases_ufora.sorted_large#0",
    "cases_ufora.issubclass_grid",
    "cases_ufora.isinstance_grid",
    "cases_ufora.generator_sources#2",
    "cases_control.loop_variable_after_loop#0",
    "cases_control.loop_variable_after_loop#1",
    "cases_control.del_then_use#0",
    "cases_control.del_then_use#1",
    "cases_control.unbound_before_assignment#0",
    "cases_control.unbound_before_assignment#1",
    "cases_semantics.exception_var_cleared#0",
    "cases_semantics.exception_var_cleared#1",
    "cases_semantics.unbound_local",
    "cases_semantics.unbound_operand_before_call",
    "cases_semantics.chained_compare_unbound",
    "cases_ufora.loop_var_unbound_after_empty",
    "cases_ufora.unbound_in_branch",
    "cases_ufora.del_then_read",
    "cases_control.chained_calls#0",
    "cases_control.chained_calls#1",
    "cases_classes.exception_instance_result#0",
    "cases_classes.exception_instance_result#1",
    "cases_control.reraise_caught#0",
    "cases_control.reraise_caught#1",
    "cases_containers.dict_iter_mutate",
    "cases_semantics.dict_mutation_during_iteration",
    "cases_corners.f_nan_set_dict",
    "cases_benchmarks.exceptions_bench",
    "cases_classes.validate_caught#0",
    "cases_classes.validate_caught#1",
    "cases_classes.validate_caught#2",
    "cases_classes.validate_caught#3",
    "cases_classes.validate#0",
    "cases_classes.validate#1",
    "cases_classes.catch_by_base",
    "cases_classes.exception_attributes#0",
    "cases_classes.exception_attributes#1",
    "cases_semantics.custom_exception_hierarchy",
    "cases_semantics.uncaught_custom#0",
    "cases_semantics.uncaught_custom#1",
    "cases_semantics.reraise_variants#0",
    "cases_semantics.reraise_variants#1",
    "cases_semantics.reraise_variants#2",
    "cases_semantics.exception_args_str",
    "cases_semantics.exception_values",
    "cases_corners.cl_forward_duplicate_kw",
    "cases_corners.cl_star_non_iterable",
    "cases_corners.cl_double_star_non_mapping",
    "cases_ufora.names_of_things",
    "cases_semantics.generator_close",
    "cases_semantics.generator_throw",
    "cases_semantics.generator_delegation_throw_close",
    "cases_semantics.exception_in_generator_finally_order",
    "cases_semantics.genexp_walrus",
    "cases_builtins.functools_cmp_to_key",
    "cases_corners.ft_cmp_to_key",
    "cases_semantics.sort_cmp_to_key",
    "cases_builtins.itertools_filters",
    "cases_corners.it_pairwise",
    "cases_collections.make_point#0",
    "cases_collections.make_point#1",
    "cases_collections.spans",
    "cases_collections.vector_math",
    "cases_collections.point_argument",
    "cases_collections.ordered",
    "cases_semantics.class_vs_instance_attrs",
    "cases_corners.ft_lru_cache_recursive",
    "cases_semantics.lru_cache_nested",
    "cases_semantics.boolean_operators",
    "cases_semantics.itertools_mix",
    "cases_ufora.itertools_more",
    "cases_probe_apps.np_own_views",
]

# Cases left out of the test, with why.
LEFT_OUT = {
    # Results whose sets hold user instances cannot be compared across the two class copies here.
    "cases_semantics.vec_protocols": "set of user instances: not comparable in this harness",
    "cases_semantics.set_of_instances": "set of user instances: not comparable in this harness",
    "cases_classes_reach.inventory_report": "dict keyed by enum members: not comparable in this harness",
    # Pass, but take seconds under these schedules (each suspension pickles the live values).
    "cases_benchmarks.sudoku": "passes, but too slow under the suspending schedules",
    "cases_benchmarks.cryptarithm": "passes, but too slow under the suspending schedules",
    "cases_benchmarks.hexiom": "passes, but too slow under the suspending schedules",
}


def _load_cases() -> dict:
    """`name` or `name#k` -> Case, for every case of tests/differential/cases_*.py that is run."""
    named: dict = {}
    for path in sorted(_DIFFERENTIAL.glob("cases_*.py")):
        module = sys.modules.get(path.stem)
        if module is None or pathlib.Path(getattr(module, "__file__", "")).resolve() != path.resolve():
            spec = importlib.util.spec_from_file_location(path.stem, path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[path.stem] = module
            spec.loader.exec_module(module)
        for c in module.CASES:
            if isinstance(c, Case) and not c.refused and not c.kwargs:
                named.setdefault(c.name, []).append(c)
    cases = {}
    for name, group in named.items():
        if len(group) == 1:
            cases[name] = group[0]
        else:
            cases.update((f"{name}#{k}", c) for k, c in enumerate(group))
    return cases


CASES = _load_cases()


def _same_type(a, b) -> bool:
    # The suspended run's classes come from the linked image: the same class, another object.
    return a is b or (getattr(a, "__module__", None), getattr(a, "__qualname__", None)) == \
        (getattr(b, "__module__", 0), getattr(b, "__qualname__", 0))


def test_selection_is_known():
    assert len(set(SELECTED)) == len(SELECTED)
    assert not [n for n in SELECTED if n not in CASES], "selected cases that no longer exist"
    assert not [n for n in SELECTED if n.split("#")[0] in LEFT_OUT]


@pytest.mark.parametrize("points", list(SCHEDULES.values()), ids=list(SCHEDULES))
@pytest.mark.parametrize("name", SELECTED)
def test_case_survives_suspension(name, points):
    case = CASES[name]
    expected, expected_out = cpython(case.fn, copy.deepcopy(case.args))
    result, out, _ = suspending_run(case.fn, copy.deepcopy(case.args), list(points))
    assert result[0] == expected[0], f"{result!r}, expected {expected!r}"
    if expected[0] == "error":
        assert _same_type(result[1], expected[1]) and result[2] == expected[2], f"{result!r}, expected {expected!r}"
    else:
        assert_same_value(expected[1], result[1], same_type=_same_type)
    assert out == expected_out
