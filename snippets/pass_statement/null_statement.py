"""`pass` does nothing, and the other ways to write "nothing"."""

# --8<-- [start:returns_none]
import ast


def do_nothing():
    pass


print(do_nothing())
print(type(ast.parse("pass").body[0]).__name__)
# --8<-- [end:returns_none]


# --8<-- [start:same_bytecode]
import dis


def with_pass():
    pass


def with_ellipsis(): ...


def with_docstring():
    """A docstring alone is a complete body."""


def instructions(function):
    """The opcode names a function compiles to, without offsets or addresses."""
    return [
        instruction.opname for instruction in dis.get_instructions(function)
    ]


print(instructions(with_pass))
print(instructions(with_pass) == instructions(with_ellipsis))
print(instructions(with_pass) == instructions(with_docstring))
# --8<-- [end:same_bytecode]


# --8<-- [start:empty_block]
def compile_error(source):
    """Compile `source`; return "ErrorName: message", or None if it compiles."""
    try:
        compile(source, "<example>", "exec")
    except SyntaxError as error:
        return f"{type(error).__name__}: {error.msg}"
    return None


print(compile_error("def f():\n"))
print(compile_error("def f():\n    pass\n"))
print(issubclass(IndentationError, SyntaxError))
# --8<-- [end:empty_block]


# --8<-- [start:placeholders]
from abc import ABC, abstractmethod


class Storage(ABC):
    @abstractmethod
    def save(self, data: bytes) -> None:
        """Subclasses must say where the bytes go."""


class Draft:
    def publish(self):
        raise NotImplementedError("publishing is not written yet")


class Empty:
    pass


try:
    Storage()
except TypeError:
    print("Storage() refused: it has an abstract method")

try:
    Draft().publish()
except NotImplementedError as error:
    print(f"NotImplementedError: {error}")

print(Empty().__class__.__name__)
# --8<-- [end:placeholders]


# --8<-- [start:loop_keywords]
def first_negative_and_skipped(numbers):
    skipped = []
    for number in numbers:
        if number == 0:
            pass  # does nothing: the next line still runs
        if number >= 0:
            skipped.append(number)
            continue  # jumps to the next number
        return number, skipped  # the first negative number ends the search
    return None, skipped


print(first_negative_and_skipped([3, 0, 5, -2, 7]))
# --8<-- [end:loop_keywords]


# --8<-- [start:silence]
import contextlib


def parse_port_swallowing(text):
    port = 8000
    try:
        port = int(text)
    except Exception:
        pass  # hides every error, including bugs in this block
    return port


def parse_port_suppressing(text):
    port = 8000
    with contextlib.suppress(ValueError):  # names the one error we expect
        port = int(text)
    return port


print(parse_port_swallowing("80a"), parse_port_suppressing("80a"))
print(parse_port_swallowing(None))
try:
    parse_port_suppressing(None)
except TypeError as error:
    print(f"TypeError: {error}")
# --8<-- [end:silence]
