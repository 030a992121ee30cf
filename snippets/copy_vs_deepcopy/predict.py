"""Predict the output: the copying traps an interviewer asks about."""

# --8<-- [start:grid_aliasing]
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
# --8<-- [end:grid_aliasing]


# --8<-- [start:shallow_nested]
import copy

team = {"name": "core", "members": ["ana", "ben"]}
backup = copy.copy(team)
team["name"] = "platform"
team["members"].append("cy")
print(backup)
# --8<-- [end:shallow_nested]


# --8<-- [start:deepcopy_keeps_aliasing]
import copy

row = [0, 0]
grid = [row, row]
clone = copy.deepcopy(grid)
clone[0][0] = 9
print(clone)
print(grid)
# --8<-- [end:deepcopy_keeps_aliasing]


# --8<-- [start:self_reference]
import copy

node = {"name": "root"}
node["self"] = node
clone = copy.deepcopy(node)
print(clone)
print(clone["self"] is clone, clone["self"] is node)
# --8<-- [end:self_reference]


# --8<-- [start:dict_drops_default]
import copy
from collections import defaultdict

hits = defaultdict(int)
for duplicate in (copy.copy(hits), dict(hits)):
    try:
        duplicate["/login"] += 1
        print(type(duplicate).__name__, "counted")
    except KeyError as error:
        print(type(duplicate).__name__, "KeyError", error)
# --8<-- [end:dict_drops_default]
