"""Predictions of docs/questions/asyncio-event-loop.md."""

# --8<-- [start:task_order]
import asyncio


async def job(name):
    print("start", name)
    await asyncio.sleep(0)
    print("end", name)


async def main():
    task = asyncio.create_task(job("a"))
    print("created")
    await job("b")
    await task


asyncio.run(main())
# --8<-- [end:task_order]

# --8<-- [start:swallowed_cancel]
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cleaning up")
    return "done"


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel()
    print(await task, task.cancelled())


asyncio.run(main())
# --8<-- [end:swallowed_cancel]

# --8<-- [start:gather_error]
import asyncio


async def fail():
    raise ValueError("boom")


async def slow(log):
    await asyncio.sleep(0.01)
    log.append("slow finished")


async def main():
    log = []
    try:
        await asyncio.gather(fail(), slow(log))
    except ValueError as error:
        print("caught", error, log)
    await asyncio.sleep(0.1)
    print(log)


asyncio.run(main())
# --8<-- [end:gather_error]

# --8<-- [start:except_exception]
import asyncio


async def guarded(coro):
    try:
        return await coro
    except Exception as error:
        return f"handled {type(error).__name__}"


async def main():
    print(await guarded(asyncio.wait_for(asyncio.sleep(1), 0.01)))
    try:
        async with asyncio.timeout(0.01):
            print(await guarded(asyncio.sleep(1)))
    except TimeoutError:
        print("main timed out")


asyncio.run(main())
# --8<-- [end:except_exception]
