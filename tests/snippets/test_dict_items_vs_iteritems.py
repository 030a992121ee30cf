"""Claims of docs/questions/dict-items-vs-iteritems.md."""

from __future__ import annotations

import sys
import types
from collections import OrderedDict
from collections.abc import ItemsView, Iterator, KeysView, Set, ValuesView

import pytest

from snippets.dict_items_vs_iteritems import views


@pytest.mark.parametrize("name", [*views.python2_only, "viewkeys", "viewvalues"])
def test_python2_methods_are_gone(name: str) -> None:
    assert not hasattr(dict, name)
    assert not hasattr({}, name)
    with pytest.raises(AttributeError):
        getattr({"a": 1}, name)


def test_portable_idioms_work_without_six() -> None:
    prices = {"tea": 3, "coffee": 4}
    assert list(prices.items()) == [("tea", 3), ("coffee", 4)]
    assert "tea" in prices
    assert "milk" not in prices
    iterator = iter(prices.items())
    assert isinstance(iterator, Iterator)
    assert next(iterator) == ("tea", 3)


def test_items_is_a_view_not_a_list_or_iterator() -> None:
    items = {"a": 1}.items()
    assert type(items).__name__ == "dict_items"
    assert not isinstance(items, list)
    assert not isinstance(items, Iterator)
    # A view can be iterated many times; an iterator only once.
    assert list(items) == list(items) == [("a", 1)]


def test_view_reflects_later_changes_and_list_does_not() -> None:
    stock = {"apples": 3}
    items = stock.items()
    snapshot = list(stock.items())
    stock["pears"] = 5
    stock["apples"] = 0
    assert list(items) == [("apples", 0), ("pears", 5)]
    assert snapshot == [("apples", 3)]
    del stock["pears"]
    assert len(items) == 1
    # The snippet shows the same thing.
    assert list(views.items) == [("apples", 0), ("pears", 5)]
    assert views.snapshot == [("apples", 3)]


def test_insertion_order_is_kept() -> None:
    assert list(views.order.items()) == [("a", 2), ("c", 3), ("b", 1)]
    data = {"b": 1, "a": 2}
    data["b"] = 10
    assert list(data) == ["b", "a"]  # an update keeps the position
    del data["b"]
    data["b"] = 1
    assert list(data) == ["a", "b"]  # re-insertion moves it to the end


def test_dict_equality_ignores_order_ordereddict_does_not() -> None:
    assert {"x": 1, "y": 2} == {"y": 2, "x": 1}
    assert list({"x": 1, "y": 2}) != list({"y": 2, "x": 1})
    assert OrderedDict(x=1, y=2) != OrderedDict(y=2, x=1)


def test_views_are_reversible() -> None:
    steps = {"build": 1, "test": 2, "deploy": 3}
    assert list(reversed(steps)) == ["deploy", "test", "build"]
    assert list(reversed(steps.keys())) == ["deploy", "test", "build"]
    assert list(reversed(steps.items())) == [("deploy", 3), ("test", 2), ("build", 1)]
    assert list(reversed(steps.values())) == [3, 2, 1]


def test_mapping_is_a_read_only_proxy_of_the_dict() -> None:
    config = {"debug": False}
    for view in (config.keys(), config.values(), config.items()):
        assert isinstance(view.mapping, types.MappingProxyType)
        assert view.mapping == config
    proxy = config.items().mapping
    config["debug"] = True
    assert proxy["debug"] is True  # live, like the view
    with pytest.raises(TypeError):
        proxy["debug"] = False  # type: ignore[index]
    assert views.proxy["debug"] is True


def test_keys_views_support_set_operators() -> None:
    old, new = views.old, views.new
    assert old.keys() & new.keys() == {"host", "port"}
    assert old.keys() | new.keys() == {"host", "port", "user", "ssl"}
    assert old.keys() - new.keys() == {"user"}
    assert old.keys() ^ new.keys() == {"user", "ssl"}
    # The result of an operator is a new set, not a view.
    assert type(old.keys() & new.keys()) is set
    assert old.keys() == {"host", "port", "user"}


def test_items_views_support_set_operators() -> None:
    old, new = views.old, views.new
    assert new.items() - old.items() == {("host", "db2"), ("ssl", True)}
    assert old.items() & new.items() == {("port", 5432)}
    assert ("port", 5432) in old.items()
    assert ("port", 1) not in old.items()


def test_keys_and_items_are_sets_values_are_not() -> None:
    data = {"a": 1}
    assert isinstance(data.keys(), Set)
    assert isinstance(data.items(), Set)
    assert not isinstance(data.values(), Set)
    assert isinstance(data.keys(), KeysView)
    assert isinstance(data.items(), ItemsView)
    assert isinstance(data.values(), ValuesView)
    with pytest.raises(TypeError):
        data.values() & {1}  # type: ignore[operator]


def test_values_views_compare_by_identity() -> None:
    data = {"a": 1, "b": 2}
    values = data.values()
    assert values != data.values()
    same = values
    assert values == same
    assert sorted(data.values()) == [1, 2]


def test_items_set_operations_need_hashable_values() -> None:
    with pytest.raises(TypeError, match="unhashable"):
        {"a": ["x"]}.items() & {("a", "x")}


def test_views_are_not_subscriptable() -> None:
    users = {"ada": 36, "alan": 41}
    for view in (users.keys(), users.values(), users.items()):
        with pytest.raises(TypeError, match="not subscriptable"):
            view[0]  # type: ignore[index]
    assert next(iter(users)) == "ada"
    assert list(users.items())[-1] == ("alan", 41)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (views.add, "RuntimeError: dictionary changed size during iteration"),
        (views.remove, "RuntimeError: dictionary changed size during iteration"),
        (views.rename, "RuntimeError: dictionary keys changed during iteration"),
        (views.set_value, "no error, saw ['a', 'b']"),
    ],
)
def test_changing_the_dict_while_iterating(change, expected: str) -> None:
    assert views.mutate_while_iterating({"a": 1, "b": 2}, change) == expected


def test_adding_during_iteration_raises_runtime_error() -> None:
    data = {"a": 1}

    def grow() -> None:
        for key, _value in data.items():
            data[key + "x"] = 0

    with pytest.raises(RuntimeError, match="changed size during iteration"):
        grow()


def test_iterating_over_a_copy_allows_mutation() -> None:
    assert views.sessions == {"s2": "active"}
    sessions = {"s1": "expired", "s2": "active", "s3": "expired"}
    for key, state in list(sessions.items()):
        if state == "expired":
            del sessions[key]
    assert sessions == {"s2": "active"}


def test_a_view_costs_the_same_whatever_the_dict_size() -> None:
    small = dict.fromkeys(range(10))
    large = dict.fromkeys(range(100_000))
    assert sys.getsizeof(small.items()) == sys.getsizeof(large.items())
    assert sys.getsizeof(large.items()) < 100
    assert sys.getsizeof(list(large.items())) > 8 * 100_000
    assert large.items().mapping == large


def test_item_membership_uses_the_value_too() -> None:
    data = {"k": 1}
    assert ("k", 1) in data.items()
    assert ("k", 2) not in data.items()
    assert ("x", 1) not in data.items()


def test_keys_views_have_isdisjoint_and_compare_with_sets() -> None:
    data = {"a": 1, "b": 2}
    assert data.keys().isdisjoint({"c"})
    assert not data.keys().isdisjoint({"a"})
    assert data.keys() <= {"a", "b", "c"}


def test_first_and_last_items_without_copying() -> None:
    data = {"first": 1, "middle": 2, "last": 3}
    assert next(iter(data.items())) == ("first", 1)
    assert next(reversed(data.items())) == ("last", 3)
    assert data.popitem() == ("last", 3)  # LIFO


def test_ordereddict_extras() -> None:
    lru = OrderedDict(a=1, b=2, c=3)
    lru.move_to_end("a")
    assert list(lru) == ["b", "c", "a"]
    assert lru.popitem(last=False) == ("b", 2)


def test_values_membership_works_without_an_index() -> None:
    data = {"a": [1], "b": [2]}
    assert [2] in data.values()  # unhashable values: found by comparing each
    assert [3] not in data.values()


@pytest.mark.skipif(sys.version_info < (3, 13), reason="lib2to3 was removed in 3.13")
def test_lib2to3_is_gone() -> None:
    import importlib.util

    assert importlib.util.find_spec("lib2to3") is None


# Predict the output -------------------------------------------------------------


def test_predict_view_is_live(predict) -> None:
    out = predict("dict_items_vs_iteritems/predict.py:view_is_live")
    assert out.splitlines() == ["1 [('pears', 5)]", "[('apples', 3)]"]


def test_predict_view_or_iterator(predict) -> None:
    out = predict("dict_items_vs_iteritems/predict.py:view_or_iterator")
    # A view iterates afresh each time; an iterator is spent after one pass.
    assert out.splitlines() == ["2 2", "2 0"]


def test_predict_delete_while_looping(predict) -> None:
    out = predict("dict_items_vs_iteritems/predict.py:delete_while_looping")
    # The delete happened, then the next step of the loop raised, even after the last.
    assert out.splitlines() == [
        "['s1', 's2']",
        "RuntimeError dictionary changed size during iteration",
        "['s2']",
        "RuntimeError dictionary changed size during iteration",
        "['s1']",
    ]


def test_predict_comparing_views(predict) -> None:
    out = predict("dict_items_vs_iteritems/predict.py:comparing_views")
    # dict == ignores order, keys/items compare as sets, values views by identity.
    assert out.splitlines() == ["True False", "True True", "False False"]


def test_a_values_view_equals_only_the_same_view_object() -> None:
    a = {"x": 1}
    view = a.values()
    assert view == view  # the same object: identity
    assert a.values() is not a.values()
    assert a.values() != a.values()
