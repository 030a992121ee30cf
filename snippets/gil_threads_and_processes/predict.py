"""Predictions of docs/questions/gil-threads-and-processes.md."""

# --8<-- [start:switch_interval]
import sys

print(hasattr(sys, "getcheckinterval"))
print(sys.getswitchinterval())
# --8<-- [end:switch_interval]

# --8<-- [start:sleeping_threads]
import threading
import time

started = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(5)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("under 0.5 s:", time.perf_counter() - started < 0.5)
# --8<-- [end:sleeping_threads]

# --8<-- [start:blocking_coroutines]
import asyncio
import time


async def job():
    time.sleep(0.1)


async def main():
    started = time.perf_counter()
    await asyncio.gather(job(), job(), job())
    print("at least 0.3 s:", time.perf_counter() - started >= 0.3)


asyncio.run(main())
# --8<-- [end:blocking_coroutines]

# --8<-- [start:pickle_a_lambda]
import pickle

for job in (abs, lambda n: -n):
    try:
        print(len(pickle.dumps(job)) > 0)
    except pickle.PicklingError as error:
        print(type(error).__name__)
# --8<-- [end:pickle_a_lambda]
