"""Predictions of docs/questions/django-web-security.md."""

# --8<-- [start:first]
print(sum(range(4)))
# --8<-- [end:first]

# --8<-- [start:second]
print(len("draft"))
# --8<-- [end:second]

# --8<-- [start:third]
print("draft".upper())
# --8<-- [end:third]
