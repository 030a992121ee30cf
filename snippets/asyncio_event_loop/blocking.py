"""What blocks the event loop: docs/questions/asyncio-event-loop.md."""

# --8<-- [start:harness]
import asyncio
import time


async def heartbeat(log, stop):
    """What every other task on the loop stands for: it needs a turn."""
    while not stop.is_set():
        log.append("tick")
        await asyncio.sleep(0.005)


def merged(log):
    """Runs of ticks as one "tick": their count depends on timing."""
    return [item for n, item in enumerate(log) if n == 0 or item != log[n - 1]]


async def request(wait):
    """A request handler that waits on `wait()` while a heartbeat runs."""
    log, stop = [], asyncio.Event()
    beat = asyncio.create_task(heartbeat(log, stop))
    await asyncio.sleep(0)  # the heartbeat ticks once
    log.append("request starts")
    await wait()
    log.append("request ends")
    stop.set()
    await beat
    return merged(log)


def show(wait):
    print(f"{wait.__name__:>13}:", " > ".join(asyncio.run(request(wait))))


# --8<-- [end:harness]


# --8<-- [start:blocking]
async def time_sleep():
    time.sleep(0.2)  # blocks the thread, and with it the loop


async def cpu_work():
    sum(n * n for n in range(200_000))  # no await inside: no turn for others


async def asyncio_sleep():
    await asyncio.sleep(0.2)  # suspends this task; the loop runs others


for wait in (time_sleep, cpu_work, asyncio_sleep):
    show(wait)
# --8<-- [end:blocking]


# --8<-- [start:to_thread]
async def in_thread():
    await asyncio.to_thread(time.sleep, 0.2)  # the default thread pool


async def in_executor():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 0.2)  # the same pool


for wait in (in_thread, in_executor):
    show(wait)
# --8<-- [end:to_thread]


# --8<-- [start:process_pool]
from concurrent.futures import ProcessPoolExecutor

from snippets.asyncio_event_loop.work import crunch

pool = ProcessPoolExecutor(max_workers=1)


async def in_process():
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(pool, crunch, 0.3)
    assert result == "crunched"


show(in_process)
pool.shutdown()
# --8<-- [end:process_pool]


# --8<-- [start:debug_mode]
import logging
import re

warned = []


class Collect(logging.Handler):
    def emit(self, record):
        # "Executing <Task finished name='Task-7' coro=<handler() done, defined
        # at ...> took 0.301 seconds": name, path and duration vary.
        message = re.sub(r" name='[^']*'", "", record.getMessage())
        seconds = float(message.rsplit(" took ", 1)[1].split()[0])
        verdict = "over" if seconds > 0.1 else "under"
        warned.append(f"{message.split(', defined')[0]}> took {verdict} 0.1 s")


async def handler():
    loop = asyncio.get_running_loop()
    print("debug:", loop.get_debug(), loop.slow_callback_duration, "s")
    time.sleep(0.3)  # three times the threshold


logging.getLogger("asyncio").addHandler(collect := Collect())
asyncio.run(handler(), debug=True)
logging.getLogger("asyncio").removeHandler(collect)
print("logged:", *warned)
# --8<-- [end:debug_mode]
