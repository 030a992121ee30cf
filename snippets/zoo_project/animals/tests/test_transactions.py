"""TestCase wraps each test in a transaction; TransactionTestCase does not."""

from django.db import transaction
from django.test import TestCase, TransactionTestCase

from animals.models import Animal


def create_and_announce(announced):
    with transaction.atomic():
        animal = Animal.objects.create(name="owl", sound="hoot", legs=2)
        transaction.on_commit(lambda: announced.append(animal.name))


class OnCommitInTestCase(TestCase):
    def test_on_commit_waits_for_the_outer_transaction(self):
        announced = []
        create_and_announce(announced)
        self.assertEqual(announced, [])  # the test's transaction never commits

    def test_capture_runs_the_callbacks(self):
        announced = []
        with self.captureOnCommitCallbacks(execute=True):
            create_and_announce(announced)
        self.assertEqual(announced, ["owl"])


class OnCommitInTransactionTestCase(TransactionTestCase):
    # Real commits; the tables are flushed after each test instead.
    def test_on_commit_runs(self):
        announced = []
        create_and_announce(announced)
        self.assertEqual(announced, ["owl"])
