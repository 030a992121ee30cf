"""Two views that fail halfway through a transfer."""

# --8<-- [start:views]
from bank.models import Account
from django.db import transaction
from django.db.models import F


def transfer(amount):
    Account.objects.filter(name="alice").update(balance=F("balance") - amount)
    raise RuntimeError("crashed before crediting bob")


def transfer_atomic(request):  # ATOMIC_REQUESTS wraps it in atomic()
    transfer(10)


@transaction.non_atomic_requests  # opts out: autocommit, query by query
def transfer_autocommit(request):
    transfer(10)


# --8<-- [end:views]
