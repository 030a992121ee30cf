"""The examples of docs/questions/asyncio-event-loop.md."""


# --8<-- [start:example]
def example():
    """Replace with the code the page runs."""
    return sum(range(4))


print(example())
# --8<-- [end:example]
