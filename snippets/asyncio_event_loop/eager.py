"""Eager tasks (3.12): docs/questions/asyncio-event-loop.md."""

# --8<-- [start:eager]
import asyncio

eager = getattr(asyncio, "eager_task_factory", None)  # new in 3.12


async def cached(log, key):
    log.append(f"{key} looked up")  # a cache hit: returns with no await
    return key.upper()


async def main(factory):
    log = []
    asyncio.get_running_loop().set_task_factory(factory)  # None: the default
    task = asyncio.create_task(cached(log, "x"))
    log.append(f"create_task returned, done() = {task.done()}")
    await task
    return log


print("default:", asyncio.run(main(None)))
print("eager:  ", asyncio.run(main(eager)) if eager else "needs Python 3.12+")
# --8<-- [end:eager]
