"""async with, asynccontextmanager and AsyncExitStack."""

# --8<-- [start:async_with]
import asyncio
from contextlib import AsyncExitStack, asynccontextmanager


class Pool:
    async def __aenter__(self):
        await asyncio.sleep(0)  # may await: connect, handshake
        print("pool connected")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("pool closed")


@asynccontextmanager
async def transaction(name):
    print(f"BEGIN {name}")
    try:
        yield name
    except Exception:
        print(f"ROLLBACK {name}")
        raise
    else:
        print(f"COMMIT {name}")


async def main():
    async with Pool(), transaction("t1") as tx:
        print("working in", tx)
    async with AsyncExitStack() as stack:
        for name in ("t2", "t3"):
            await stack.enter_async_context(transaction(name))
        stack.callback(print, "plain callbacks work too")


asyncio.run(main())
# --8<-- [end:async_with]
