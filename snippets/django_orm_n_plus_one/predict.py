"""Predictions of the N+1 page: each section runs alone, in the build's own
process, on the in-memory SQLite Django of django_unit_tests/inprocess.py
(contrib.auth's Group and Permission models). The page's tests run the same
sections against PostgreSQL and get the same output."""

# --8<-- [start:lazy_and_cached]
from snippets.django_unit_tests.inprocess import django_ready

django_ready()  # configure Django, then import models
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

Group.objects.bulk_create([Group(name=n) for n in ("ops", "dev", "qa")])
with CaptureQueriesContext(connection) as queries:
    groups = Group.objects.order_by("name")
    print("built:", len(queries))
    names = [group.name for group in groups]
    print("looped:", len(queries))
    print(len(groups), groups.count(), groups.exists(), groups[0].name)
    print("reused:", len(queries))
    print(groups.all().count(), "queries:", len(queries))
# --8<-- [end:lazy_and_cached]

# --8<-- [start:deferred_field]
from snippets.django_unit_tests.inprocess import django_ready

django_ready()  # configure Django, then import models
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

Group.objects.bulk_create([Group(name=n) for n in ("ops", "dev", "qa")])
with CaptureQueriesContext(connection) as queries:
    for group in Group.objects.only("id").order_by("id"):
        print(group.name)
print("queries:", len(queries))
# --8<-- [end:deferred_field]

# --8<-- [start:filter_after_prefetch]
from snippets.django_unit_tests.inprocess import django_ready

django_ready()  # configure Django, then import models
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

view = Permission.objects.filter(codename__in=["view_group", "view_user"])
for name in ("ops", "dev", "qa"):
    Group.objects.create(name=name).permissions.set(view)
with CaptureQueriesContext(connection) as queries:
    for group in Group.objects.prefetch_related("permissions"):
        users = group.permissions.filter(codename="view_user")
        print(group.name, len(group.permissions.all()), users.count())
print("queries:", len(queries))
# --8<-- [end:filter_after_prefetch]

# --8<-- [start:select_related_many]
from snippets.django_unit_tests.inprocess import django_ready

django_ready()  # configure Django, then import models
from django.contrib.auth.models import Group

try:
    print(list(Group.objects.select_related("permissions")))
except Exception as error:
    print(type(error).__name__)
    print(error)
# --8<-- [end:select_related_many]
