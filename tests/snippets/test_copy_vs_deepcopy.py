"""Claims of docs/questions/copy-vs-deepcopy.md."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import sys
import threading
import timeit
import types

import pytest

from snippets.copy_vs_deepcopy import copying, customising


def test_assignment_binds_a_second_name_to_the_same_object() -> None:
    original = {"ports": [80]}
    alias = original
    alias["ports"].append(443)
    assert original is alias
    assert original["ports"] == [80, 443]


def test_a_nested_change_shows_through_the_shallow_copy_only() -> None:
    config = {"name": "api", "ports": [80, 443]}
    shallow, deep = copy.copy(config), copy.deepcopy(config)
    config["ports"].append(8080)
    config["name"] = "web"
    assert shallow == {"name": "api", "ports": [80, 443, 8080]}
    assert deep == {"name": "api", "ports": [80, 443]}
    assert shallow is not config
    assert shallow["ports"] is config["ports"]
    assert deep["ports"] is not config["ports"]


def test_every_builtin_way_of_copying_a_list_is_shallow() -> None:
    for how, duplicate in copying.copies.items():
        assert duplicate is not copying.matrix, how
        assert duplicate[0] is copying.matrix[0], how
        assert duplicate[0] == [1, 2, 99], how


def test_every_builtin_way_of_copying_a_dict_is_shallow() -> None:
    settings = {"hosts": ["a"]}
    for duplicate in (settings.copy(), dict(settings), {**settings}, settings | {}):
        assert duplicate is not settings
        assert duplicate["hosts"] is settings["hosts"]


def test_set_copy_is_shallow_too() -> None:
    key = ("frozen", 1)
    members = {key}
    (copied_key,) = members.copy()
    assert copied_key is key


@pytest.mark.parametrize("value", [42, 3.5, "text", b"raw", (1, 2), None, len, True])
def test_immutable_atomic_objects_come_back_as_themselves(value: object) -> None:
    assert copy.copy(value) is value
    assert copy.deepcopy(value) is value


def test_functions_and_classes_are_returned_unchanged() -> None:
    assert copy.deepcopy(copying.__doc__) is copying.__doc__
    assert copy.deepcopy(customising.try_deepcopy) is customising.try_deepcopy
    assert copy.deepcopy(customising.Cache) is customising.Cache


def test_frozenset_is_shared_by_copy_but_rebuilt_by_deepcopy() -> None:
    frozen = frozenset({1, 2})
    assert copy.copy(frozen) is frozen
    rebuilt = copy.deepcopy(frozen)
    assert rebuilt == frozen
    assert rebuilt is not frozen


def test_deepcopy_of_a_tuple_is_the_same_only_when_it_holds_no_mutables() -> None:
    plain = (1, ("a", 2))
    assert copy.deepcopy(plain) is plain
    holding_a_list = (1, [2, 3])
    cloned = copy.deepcopy(holding_a_list)
    assert cloned is not holding_a_list
    assert cloned[1] is not holding_a_list[1]


def test_shared_references_stay_shared_in_a_deep_copy() -> None:
    shared = ["admin"]
    cloned = copy.deepcopy({"alice": shared, "bob": shared})
    assert cloned["alice"] is cloned["bob"]
    assert cloned["alice"] is not shared
    assert copying.cloned["bob"] == ["admin", "auditor"]
    assert copying.shared == ["admin"]


def test_a_self_referencing_list_deep_copies_into_a_self_referencing_list() -> None:
    loop: list = [1, 2]
    loop.append(loop)
    clone = copy.deepcopy(loop)
    assert clone[2] is clone
    assert clone is not loop
    assert clone[:2] == [1, 2]


def test_a_pre_seeded_memo_keeps_an_object_shared() -> None:
    assert copying.partial["template"] is copying.template
    assert copying.partial["rows"] == [1, 2]
    assert copying.partial["rows"] is not copying.report["rows"]


def test_custom_copy_and_deepcopy_methods_are_used() -> None:
    cache = customising.Cache()
    cache.entries["k"] = {"v": 1}
    shallow, deep = copy.copy(cache), copy.deepcopy(cache)
    assert isinstance(shallow, customising.Cache)
    assert shallow.entries is cache.entries
    assert deep.entries == cache.entries
    assert deep.entries["k"] is not cache.entries["k"]
    assert len({id(c.lock) for c in (cache, shallow, deep)}) == 3


def test_custom_deepcopy_registers_itself_so_cycles_survive() -> None:
    cache = customising.Cache()
    cache.entries["self"] = cache
    clone = copy.deepcopy(cache)
    assert clone.entries["self"] is clone


def test_locks_modules_and_generators_cannot_be_deep_copied() -> None:
    for value in (threading.Lock(), types.ModuleType("m"), (n for n in "ab")):
        with pytest.raises(TypeError):
            copy.deepcopy(value)
        with pytest.raises(TypeError):
            copy.copy(value)
    assert customising.try_deepcopy([1]) == "copied"
    assert customising.try_deepcopy(threading.Lock()).startswith("TypeError")


def test_an_object_holding_a_lock_cannot_be_copied_without_help() -> None:
    class Holder:
        def __init__(self) -> None:
            self.lock = threading.Lock()

    with pytest.raises(TypeError):
        copy.deepcopy(Holder())


def test_dataclasses_replace_builds_a_shallow_modified_copy() -> None:
    base = customising.base
    moved = dataclasses.replace(base, port=8001)
    assert moved.port == 8001
    assert base.port == 8000
    assert moved.tags is base.tags
    with pytest.raises(dataclasses.FrozenInstanceError):
        base.port = 1  # type: ignore[misc]


def test_per_type_replace_methods() -> None:
    assert customising.Version(5, 2)._replace(minor=3) == (5, 3)
    assert datetime.date(2024, 2, 29).replace(year=2028) == datetime.date(2028, 2, 29)
    with pytest.raises(ValueError, match="day is out of range"):
        datetime.date(2024, 2, 29).replace(year=2025)


@pytest.mark.skipif(sys.version_info < (3, 13), reason="copy.replace() is new in 3.13")
def test_copy_replace_is_one_function_for_all_of_them() -> None:
    assert copy.replace(customising.base, port=8001) == dataclasses.replace(
        customising.base, port=8001
    )
    assert copy.replace(customising.Version(5, 2), minor=3) == (5, 3)
    assert copy.replace(datetime.date(2024, 2, 29), year=2028) == datetime.date(
        2028, 2, 29
    )
    assert copy.replace(types.SimpleNamespace(a=1), a=2) == types.SimpleNamespace(a=2)
    with pytest.raises(TypeError):
        copy.replace([1, 2])


@pytest.mark.skipif(
    sys.version_info >= (3, 13), reason="copy.replace() exists from 3.13"
)
def test_before_3_13_copy_has_no_replace() -> None:
    assert not hasattr(copy, "replace")


def test_deepcopy_costs_far_more_than_a_shallow_copy() -> None:
    nested = customising.nested
    shallow = timeit.timeit(lambda: copy.copy(nested), number=50)
    deep = timeit.timeit(lambda: copy.deepcopy(nested), number=50)
    assert deep > 10 * shallow


def test_deepcopy_is_slower_than_a_pickle_round_trip_for_plain_data() -> None:
    nested = customising.nested
    deep = min(timeit.repeat(lambda: copy.deepcopy(nested), number=50, repeat=3))
    pickled = min(
        timeit.repeat(lambda: customising.round_trip(nested), number=50, repeat=3)
    )
    assert customising.round_trip(nested) == nested
    assert deep > pickled


def test_copy_keeps_a_dict_subclass_but_dict_does_not() -> None:
    from collections import OrderedDict, defaultdict

    groups: defaultdict[str, list[int]] = defaultdict(list)
    assert copy.copy(groups).default_factory is list
    assert groups.copy().default_factory is list
    assert type(dict(groups)) is dict
    assert type(copy.copy(OrderedDict(a=1))) is OrderedDict
    assert type({**OrderedDict(a=1)}) is dict


def test_multiplying_a_list_of_lists_repeats_one_row() -> None:
    grid = [[0] * 3] * 3
    grid[0][0] = 1
    assert grid == [[1, 0, 0], [1, 0, 0], [1, 0, 0]]
    fixed = [[0] * 3 for _ in range(3)]
    fixed[0][0] = 1
    assert fixed == [[1, 0, 0], [0, 0, 0], [0, 0, 0]]


def test_getstate_and_setstate_customise_copying_too() -> None:
    class Worker:
        def __init__(self) -> None:
            self.jobs = ["a"]
            self.lock = threading.Lock()

        def __getstate__(self) -> dict[str, object]:
            return {"jobs": self.jobs}

        def __setstate__(self, state: dict[str, object]) -> None:
            self.__dict__.update(state)
            self.lock = threading.Lock()

    worker = Worker()
    clone = copy.deepcopy(worker)
    assert clone.jobs == ["a"]
    assert clone.jobs is not worker.jobs
    assert clone.lock is not worker.lock


def test_very_deep_nesting_exceeds_the_recursion_limit() -> None:
    nested: list = []
    for _ in range(sys.getrecursionlimit() * 2):
        nested = [nested]
    with pytest.raises(RecursionError):
        copy.deepcopy(nested)


def test_range_is_returned_as_itself() -> None:
    numbers = range(10)
    assert copy.deepcopy(numbers) is numbers


@pytest.mark.skipif(sys.version_info < (3, 13), reason="copy.replace() is new in 3.13")
def test_copy_replace_calls_dunder_replace_and_supports_signatures() -> None:
    import inspect

    class Money:
        def __init__(self, amount: int, currency: str) -> None:
            self.amount, self.currency = amount, currency

        def __replace__(self, **changes: object) -> Money:
            return Money(
                changes.get("amount", self.amount),  # type: ignore[arg-type]
                changes.get("currency", self.currency),  # type: ignore[arg-type]
            )

    euros = copy.replace(Money(5, "USD"), currency="EUR")
    assert (euros.amount, euros.currency) == (5, "EUR")

    def handler(request: str) -> str:
        return request

    signature = copy.replace(inspect.signature(handler), return_annotation=int)
    assert signature.return_annotation is int


def test_predict_grid_aliasing(predict) -> None:
    out = predict("copy_vs_deepcopy/predict.py:grid_aliasing")
    assert out.splitlines() == ["[[1, 0, 0], [1, 0, 0], [1, 0, 0]]"]
    grid = [[0] * 3] * 3
    assert grid[0] is grid[1] is grid[2]  # one row, three references


def test_predict_shallow_nested(predict) -> None:
    out = predict("copy_vs_deepcopy/predict.py:shallow_nested")
    # the rebinding did not show, the append through the shared list did
    assert out.splitlines() == ["{'name': 'core', 'members': ['ana', 'ben', 'cy']}"]


def test_predict_deepcopy_keeps_aliasing(predict) -> None:
    out = predict("copy_vs_deepcopy/predict.py:deepcopy_keeps_aliasing")
    assert out.splitlines() == ["[[9, 0], [9, 0]]", "[[0, 0], [0, 0]]"]
    row = [0]
    clone = copy.deepcopy([row, row])
    assert clone[0] is clone[1]
    assert clone[0] is not row


def test_predict_self_reference(predict) -> None:
    out = predict("copy_vs_deepcopy/predict.py:self_reference")
    assert out.splitlines() == ["{'name': 'root', 'self': {...}}", "True False"]


def test_predict_dict_drops_default(predict) -> None:
    out = predict("copy_vs_deepcopy/predict.py:dict_drops_default")
    assert out.splitlines() == ["defaultdict counted", "dict KeyError '/login'"]
    from collections import defaultdict

    hits: defaultdict[str, int] = defaultdict(int)
    assert type({**hits}) is dict  # the page says {**hits} behaves like dict()
