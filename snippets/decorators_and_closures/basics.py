"""What `@` does, stacking, closures and cells, and late binding in loops."""

# --8<-- [start:at_is_assignment]
registry = {}


def register(func):
    print(f"register({func.__name__}) runs")
    registry[func.__name__] = func
    return func


print("before the def")


@register
def health():
    return "ok"


print("after the def, before any call:", list(registry))


def ready():
    return "ready"


ready = register(ready)  # exactly what @register spells
print(registry["health"] is health, registry["ready"]())
# --8<-- [end:at_is_assignment]


# --8<-- [start:stacking]
def bold(func):
    print(f"bold receives {func.__qualname__}")

    def wrapper():
        print("bold: before")
        result = f"<b>{func()}</b>"
        print("bold: after")
        return result

    return wrapper


def italic(func):
    print(f"italic receives {func.__qualname__}")

    def wrapper():
        print("italic: before")
        result = f"<i>{func()}</i>"
        print("italic: after")
        return result

    return wrapper


@bold  # applied second, so its wrapper runs first
@italic  # applied first, to the plain function
def title():
    return "Orders"


print(title())
# --8<-- [end:stacking]


# --8<-- [start:closures]
def make_counter():
    count = 0  # a cell variable: an inner function uses it

    def increment():
        nonlocal count  # assign to the cell, not to a new local
        count += 1
        return count

    return increment


counter = make_counter()
counter()
counter()
print("co_cellvars of make_counter:", make_counter.__code__.co_cellvars)
print("co_freevars of increment:", counter.__code__.co_freevars)
cell = counter.__closure__[0]
print(type(cell).__name__, "holds", cell.cell_contents)

other = make_counter()  # each call of the outer function: a new cell
print("other:", other(), "counter:", counter())
# --8<-- [end:closures]


# --8<-- [start:shared_cell]
def make_account():
    balance = 0

    def deposit(amount):
        nonlocal balance
        balance += amount

    def read():
        return balance

    return deposit, read


deposit, read = make_account()
deposit(30)
deposit(12)
print("read() sees", read())
print("one cell:", deposit.__closure__[0] is read.__closure__[0])
# --8<-- [end:shared_cell]


# --8<-- [start:late_binding]
def late_handlers():
    handlers = []
    for code in (200, 404, 500):

        def handler():
            return code  # noqa: B023  (looked up when called)

        handlers.append(handler)
    return handlers


handlers = late_handlers()
print("late:", [h() for h in handlers])
cells = {id(h.__closure__[0]) for h in handlers}
print("cells shared by the three handlers:", len(cells))
# --8<-- [end:late_binding]


# --8<-- [start:late_binding_fixes]
def default_handlers():
    handlers = []
    for code in (200, 404, 500):

        def handler(code=code):  # evaluated now, once per def
            return code

        handlers.append(handler)
    return handlers


def make_handler(code):  # a factory: one new scope, one cell, per call
    def handler():
        return code

    return handler


print("default:", [h() for h in default_handlers()])
print("factory:", [make_handler(c)() for c in (200, 404, 500)])
print("but the default can be overridden:", default_handlers()[0](999))
# --8<-- [end:late_binding_fixes]
