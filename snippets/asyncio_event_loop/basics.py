"""Coroutines, asyncio.run and tasks: docs/questions/asyncio-event-loop.md."""

# --8<-- [start:never_awaited]
import asyncio
import gc
import warnings

log = []


async def save(order):
    log.append(f"saved {order}")
    return order


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    pending = save("A-1")  # a coroutine object: nothing has run
    print(type(pending).__name__, log)
    del pending  # dropped without being awaited
    gc.collect()
print([str(warning.message) for warning in caught])

print(asyncio.run(save("A-2")), log)
# --8<-- [end:never_awaited]


# --8<-- [start:interleave]
import asyncio


async def step(log, name, pauses):
    for number in range(pauses):
        log.append(f"{name}{number}")
        await asyncio.sleep(0)  # hand control back to the loop


async def awaited_in_turn():
    log = []
    await step(log, "a", 2)  # runs a to the end, then b
    await step(log, "b", 2)
    return log


async def as_tasks():
    log = []
    first = asyncio.create_task(step(log, "a", 2))  # scheduled, not run
    second = asyncio.create_task(step(log, "b", 2))
    log.append("tasks created")
    await first
    await second
    return log


print("awaited:", asyncio.run(awaited_in_turn()))
print("tasks:  ", asyncio.run(as_tasks()))
# --8<-- [end:interleave]


# --8<-- [start:weak_reference]
import asyncio
import gc
import logging

destroyed = []


class Collect(logging.Handler):
    def emit(self, record):
        destroyed.append(record.getMessage().split("\n")[0])


async def wait_forever():
    await asyncio.get_running_loop().create_future()  # nobody resolves it


async def main(keep):
    kept = set()
    task = asyncio.create_task(wait_forever())
    if keep:
        kept.add(task)  # the usual fix: a strong reference
    del task
    await asyncio.sleep(0)  # the task starts and waits on its future
    gc.collect()
    return len(asyncio.all_tasks()) - 1  # tasks alive besides main()


handler = Collect()
logging.getLogger("asyncio").addHandler(handler)
print("no reference:", asyncio.run(main(keep=False)), "left;", destroyed)
destroyed.clear()
print("kept in a set:", asyncio.run(main(keep=True)), "left;", destroyed)
logging.getLogger("asyncio").removeHandler(handler)
# --8<-- [end:weak_reference]
