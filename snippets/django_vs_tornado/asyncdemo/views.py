"""An async view, and one that uses the async ORM API."""

# --8<-- [start:views]
import asyncio

from django.contrib.auth.models import User
from django.http import JsonResponse


async def async_view(request):
    await asyncio.sleep(0.2)  # a coroutine: the event loop serves others
    return JsonResponse({"view": "async", "slept": 0.2})


async def user_count(request):
    count = await User.objects.acount()  # a-prefixed: the async ORM API
    return JsonResponse({"users": count})


# --8<-- [end:views]
