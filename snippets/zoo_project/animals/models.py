"""The one model of the zoo: an animal that can speak."""

import warnings

from django.db import models


class Animal(models.Model):
    name = models.CharField(max_length=50, unique=True)
    sound = models.CharField(max_length=20)
    legs = models.PositiveSmallIntegerField(default=4)

    def speak(self):
        return f"The {self.name} says {self.sound}"

    def noise(self):
        """The old name of speak(), kept for callers not yet migrated."""
        warnings.warn(
            "Animal.noise() is deprecated; use speak()",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.speak()
