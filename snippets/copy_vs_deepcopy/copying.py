"""Shallow copies, deep copies, and what each one shares."""

# --8<-- [start:assignment_is_not_a_copy]
original = {"name": "api", "ports": [80, 443]}
alias = original  # a second name, not a second object
alias["name"] = "web"
print(original["name"], alias is original)
# --8<-- [end:assignment_is_not_a_copy]


# --8<-- [start:shallow_vs_deep]
import copy

config = {"name": "api", "ports": [80, 443]}
shallow = copy.copy(config)
deep = copy.deepcopy(config)

config["ports"].append(8080)  # change a nested, mutable object
config["name"] = "web"  # rebind a top-level key

print("shallow:", shallow)
print("deep:   ", deep)
print("shallow shares the list:", shallow["ports"] is config["ports"])
print("deep has its own list:  ", deep["ports"] is not config["ports"])
# --8<-- [end:shallow_vs_deep]


# --8<-- [start:every_shallow_copy]
import copy

matrix = [[1, 2], [3, 4]]
copies = {
    "copy.copy": copy.copy(matrix),
    "slice [:]": matrix[:],
    "list()": list(matrix),
    "list.copy()": matrix.copy(),
    "[*unpack]": [*matrix],
    "comprehension": [row for row in matrix],
}
matrix[0].append(99)
for how, duplicate in copies.items():
    print(
        f"{how:14} new outer: {duplicate is not matrix}, "
        f"shared rows: {duplicate[0] is matrix[0]}, sees 99: {duplicate[0]}"
    )
# --8<-- [end:every_shallow_copy]


# --8<-- [start:dict_and_set_copies]
import copy

settings = {"hosts": ["a", "b"]}
for how, duplicate in {
    "dict.copy()": settings.copy(),
    "dict(...)": dict(settings),
    "{**settings}": {**settings},
    "settings | {}": settings | {},
}.items():
    shared = duplicate["hosts"] is settings["hosts"]
    print(f"{how:13} shares the list: {shared}")
# --8<-- [end:dict_and_set_copies]


# --8<-- [start:immutables_come_back]
import copy

samples = [42, 3.5, "text", b"raw", (1, 2), frozenset({1}), None, len]
for value in samples:
    print(
        f"{type(value).__name__:26} copy is same: {copy.copy(value) is value}"
        f"  deepcopy is same: {copy.deepcopy(value) is value}"
    )

with_list_inside = (1, [2, 3])
print(
    "tuple holding a list, deepcopy is same:",
    copy.deepcopy(with_list_inside) is with_list_inside,
)
# --8<-- [end:immutables_come_back]


# --8<-- [start:memo_keeps_sharing]
import copy

shared = ["admin"]
users = {"alice": shared, "bob": shared}  # one list, two keys
cloned = copy.deepcopy(users)

print("still one list in the clone:", cloned["alice"] is cloned["bob"])
print("but not the original list:", cloned["alice"] is not shared)
cloned["alice"].append("auditor")
print("bob sees alice's change:", cloned["bob"])
# --8<-- [end:memo_keeps_sharing]


# --8<-- [start:cycles_survive]
import copy

loop = [1, 2]
loop.append(loop)  # the list contains itself
print(loop)

clone = copy.deepcopy(loop)
print(clone)
print("the clone points at itself:", clone[2] is clone)
print("not at the original:", clone[2] is not loop)
# --8<-- [end:cycles_survive]


# --8<-- [start:memo_argument]
import copy

template = ["header"]
report = {"template": template, "rows": [1, 2]}
memo = {id(template): template}  # pre-seed: "this one maps to itself"
partial = copy.deepcopy(report, memo)

print("template shared on purpose:", partial["template"] is template)
print("rows copied:", partial["rows"] is not report["rows"])
# --8<-- [end:memo_argument]
