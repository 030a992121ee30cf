"""The model every example updates."""

# --8<-- [start:model]
from django.db import models


class Account(models.Model):
    name = models.CharField(max_length=50, unique=True)
    balance = models.IntegerField(default=0)
    version = models.PositiveIntegerField(default=1)  # optimistic locking

    def __str__(self):
        return f"{self.name}: {self.balance} (v{self.version})"


# --8<-- [end:model]
