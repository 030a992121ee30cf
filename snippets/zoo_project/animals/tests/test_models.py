"""Model tests: one class without a database, one with."""

from django.test import SimpleTestCase, TestCase
from django.test.testcases import DatabaseOperationForbidden

from animals.models import Animal


# --8<-- [start:simple]
class SpeakTests(SimpleTestCase):
    """No database: SimpleTestCase refuses queries."""

    def test_speak(self):
        cat = Animal(name="cat", sound="meow")  # never saved
        self.assertEqual(cat.speak(), "The cat says meow")

    def test_queries_are_refused(self):
        with self.assertRaises(DatabaseOperationForbidden):
            Animal.objects.count()

    def test_noise_still_works(self):
        # Calls the deprecated name twice: -Wall shows both warnings.
        cat = Animal(name="cat", sound="meow")
        for _ in range(2):
            self.assertEqual(cat.noise(), cat.speak())


# --8<-- [end:simple]


# --8<-- [start:testcase]
class AnimalQueryTests(TestCase):
    """Each test runs in a transaction that is rolled back afterwards."""

    @classmethod
    def setUpTestData(cls):
        # Runs once for the class; every test sees these rows.
        Animal.objects.create(name="cat", sound="meow")
        Animal.objects.create(name="duck", sound="quack", legs=2)

    def test_two_legged(self):
        names = Animal.objects.filter(legs=2).values_list("name", flat=True)
        self.assertQuerySetEqual(names, ["duck"])

    def test_changes_are_rolled_back(self):
        Animal.objects.all().delete()
        self.assertEqual(Animal.objects.count(), 0)

    def test_rows_are_back(self):
        # Runs after the deletion above (alphabetical order) and sees both.
        self.assertEqual(Animal.objects.count(), 2)


# --8<-- [end:testcase]
