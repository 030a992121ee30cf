"""Predictions of the unit-tests page: each section runs alone, in-process,
against the in-memory Django of inprocess.py (no manage.py, no server)."""

# --8<-- [start:debug_under_the_runner]
from django.conf import settings
from django.test.runner import DiscoverRunner
from django.test.utils import override_settings
from snippets.django_unit_tests.inprocess import django_ready

django_ready()
with override_settings(DEBUG=True):  # as if settings.py said DEBUG = True
    for flag in (False, True):  # manage.py test, then test --debug-mode
        runner = DiscoverRunner(debug_mode=flag)
        runner.setup_test_environment()  # what manage.py test does first
        print(f"debug_mode={flag}: settings.DEBUG is {settings.DEBUG}")
        runner.teardown_test_environment()
    print("after the run:", settings.DEBUG)
# --8<-- [end:debug_under_the_runner]

# --8<-- [start:flush_after_transaction_test_case]
from django.contrib.auth.models import Group
from django.test import TestCase, TransactionTestCase
from snippets.django_unit_tests.inprocess import django_ready, run

django_ready()
Group.objects.create(name="made by a data migration")
names = Group.objects.values_list("name", flat=True)


class RolledBack(TestCase):
    def test_add(self):
        Group.objects.create(name="added by a test")


class Flushed(TransactionTestCase):
    def test_add(self):
        Group.objects.create(name="added by a test")


print(run(RolledBack), "->", list(names.all()))  # .all(): a fresh query
print(run(Flushed), "->", list(names.all()))
# --8<-- [end:flush_after_transaction_test_case]

# --8<-- [start:set_up_test_data_copies]
from django.contrib.auth.models import Group
from django.test import TestCase
from snippets.django_unit_tests.inprocess import django_ready, run

django_ready()


class Keepers(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.group = Group.objects.create(name="keepers")

    def test_1_rename(self):
        self.group.name = "feeders"
        self.group.save()

    def test_2_read(self):
        print("attribute:", self.group.name, "| row:", Group.objects.get().name)


print(run(Keepers))
# --8<-- [end:set_up_test_data_copies]

# --8<-- [start:lazy_queryset_query_count]
from django.contrib.auth.models import Group
from django.test import TestCase
from snippets.django_unit_tests.inprocess import django_ready, run

django_ready()


class Queries(TestCase):
    def test_building(self):
        with self.assertNumQueries(1):
            Group.objects.filter(name__startswith="k")

    def test_evaluating(self):
        groups = Group.objects.filter(name__startswith="k")
        with self.assertNumQueries(1):
            list(groups)


print(run(Queries))
# --8<-- [end:lazy_queryset_query_count]
