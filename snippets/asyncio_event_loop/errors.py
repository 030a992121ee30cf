"""Errors, timeouts and cancellation: docs/questions/asyncio-event-loop.md."""

# --8<-- [start:gather_vs_taskgroup]
import asyncio


async def charge(log, name, delay, fails=False):
    try:
        await asyncio.sleep(delay)
        if fails:
            raise ValueError(f"{name} declined")
        log.append(f"{name} charged")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def with_gather(log):
    try:
        await asyncio.gather(
            charge(log, "card", 0.01, fails=True), charge(log, "wallet", 0.1)
        )
    except ValueError as error:
        log.append(f"gather raised {error!r}")
    await asyncio.sleep(0.2)  # the wallet task was never stopped


async def with_taskgroup(log):
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(charge(log, "card", 0.01, fails=True))
            group.create_task(charge(log, "wallet", 0.1))
    except* ValueError as group:
        log.append(f"TaskGroup raised {group!r}")


for run in (with_gather, with_taskgroup):
    asyncio.run(run(log := []))
    print(f"{run.__name__}:\n  " + "\n  ".join(log))
# --8<-- [end:gather_vs_taskgroup]


# --8<-- [start:timeout]
import asyncio


async def slow_query(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("query saw CancelledError")
        raise


async def lookup():
    log = []
    try:
        async with asyncio.timeout(0.05):
            await slow_query(log)
    except TimeoutError as error:
        log.append(f"caller saw {type(error).__name__}")
        log.append(f"caused by {type(error.__cause__).__name__}")
    print("\n".join(log))
    print(
        "CancelledError is an Exception:",
        issubclass(asyncio.CancelledError, Exception),
    )


asyncio.run(lookup())
# --8<-- [end:timeout]


# --8<-- [start:swallowed]
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        pass  # swallowed: the task carries on as if nothing happened
    return "finished anyway"


async def polite():
    try:
        await asyncio.sleep(10)
    finally:
        print("polite: cleaned up")  # cleanup runs; the error goes on


async def cancel(coroutine):
    task = asyncio.create_task(coroutine)
    await asyncio.sleep(0)
    task.cancel()
    try:
        result = await task
    except asyncio.CancelledError:
        result = "CancelledError"
    print(f"{coroutine.__name__}: {result}; cancelled() = {task.cancelled()}")


asyncio.run(cancel(stubborn()))
asyncio.run(cancel(polite()))
# --8<-- [end:swallowed]


# --8<-- [start:uncancel]
import asyncio


async def retry_once(log):
    task = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(f"cancelling() = {task.cancelling()}")
        task.uncancel()  # the cancellation is handled: undo the request
        log.append(f"after uncancel() = {task.cancelling()}")
    try:
        async with asyncio.timeout(0.01):  # a timeout of its own
            await asyncio.sleep(10)
    except TimeoutError:
        log.append("the timeout fired as TimeoutError")


async def cancel_then_retry():
    log = []
    task = asyncio.create_task(retry_once(log))
    await asyncio.sleep(0)
    task.cancel()
    await task
    print("\n".join(log))


asyncio.run(cancel_then_retry())
# --8<-- [end:uncancel]


# --8<-- [start:shield]
import asyncio


async def commit(log):
    await asyncio.sleep(0.05)
    log.append("commit finished")


async def handler(log, inner):
    try:
        await asyncio.shield(inner)
    finally:
        log.append(f"handler stopped; commit done: {inner.done()}")


async def client_goes_away():
    log = []
    inner = asyncio.create_task(commit(log))  # keep a reference
    outer = asyncio.create_task(handler(log, inner))
    await asyncio.sleep(0.01)
    outer.cancel()  # the client went away
    await asyncio.gather(outer, return_exceptions=True)
    log.append(f"handler cancelled: {outer.cancelled()}")
    await inner
    print("\n".join(log))


asyncio.run(client_goes_away())
# --8<-- [end:shield]
