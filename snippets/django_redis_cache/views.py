"""Views of the example project; each counts how often it really runs."""

# --8<-- [start:views]
from collections import Counter

from django.http import HttpResponse
from django.views.decorators.cache import cache_control, cache_page

CALLS = Counter()  # how many times each view body ran in this process


@cache_page(60)  # cached in the "default" cache for 60 seconds
def report(request):
    CALLS["report"] += 1
    return HttpResponse(f"report built {CALLS['report']} time(s)\n")


def whoami(request):  # not decorated: only the per-site cache applies
    CALLS["whoami"] += 1
    user = request.session.get("user", "anonymous")
    return HttpResponse(f"hello {user}\n")


@cache_control(private=True)  # the per-site cache must not store this
def private(request):
    CALLS["private"] += 1
    return HttpResponse(f"private page, built {CALLS['private']} time(s)\n")


# --8<-- [end:views]
