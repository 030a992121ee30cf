"""Which files and tests the zoo project's runner selects, worked out without
running Django: the same fnmatch rules unittest discovery and -k apply."""

# --8<-- [start:patterns]
from fnmatch import fnmatch

from snippets.zoo_project.run import PROJECT

APP = PROJECT / "animals"


def python_files(folder=APP):
    """Every module of the app, as a path relative to the project."""
    return sorted(
        path.relative_to(folder.parent).as_posix()
        for path in folder.rglob("*.py")
        if path.name != "__init__.py"
    )


def matches(pattern):
    """The files discovery would import for --pattern=PATTERN."""
    return [
        name for name in python_files() if fnmatch(name.split("/")[-1], pattern)
    ]


for pattern in ("test*.py", "tests_*.py"):
    print(f"{pattern}: {matches(pattern)}")
print(
    "never discovered:", sorted(set(python_files()) - set(matches("test*.py")))
)
# --8<-- [end:patterns]


# --8<-- [start:keyword]
import ast
from fnmatch import fnmatchcase


def discovered_ids(pattern="test*.py"):
    """Dotted ids of the test methods in the files discovery would import."""
    ids = []
    for name in matches(pattern):
        module = name.removesuffix(".py").replace("/", ".")
        tree = ast.parse((APP.parent / name).read_text())
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                ids += [
                    f"{module}.{node.name}.{item.name}"
                    for item in node.body
                    if isinstance(item, ast.FunctionDef)
                    and item.name.startswith("test")
                ]
    return sorted(ids)


def selected(keyword):
    """What -k KEYWORD keeps: a substring, unless the pattern has a *."""
    pattern = keyword if "*" in keyword else f"*{keyword}*"
    return [test for test in discovered_ids() if fnmatchcase(test, pattern)]


print(len(discovered_ids()), "tests discovered")
for keyword in ("speak", "*_on_commit_*", "Speak"):
    print(f"-k {keyword!r}: {selected(keyword)}")
# --8<-- [end:keyword]
