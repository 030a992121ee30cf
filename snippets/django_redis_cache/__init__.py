"""Question 14: a Redis cache in Django, an example project run in a child."""
