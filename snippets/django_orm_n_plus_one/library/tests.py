"""The example project's tests: assertNumQueries pins a view's query count.
The second test fails on purpose, to show what the failure reports."""

# --8<-- [start:tests]
from django.test import TestCase

from library.data import seed
from library.models import Book


class BookListQueries(TestCase):
    @classmethod
    def setUpTestData(cls):
        seed()  # 3 authors, 5 books

    def test_select_related_is_one_query(self):
        with self.assertNumQueries(1):
            books = Book.objects.select_related("author")
            names = [book.author.name for book in books]
        self.assertEqual(len(names), 5)

    def test_plain_loop_is_one_plus_n(self):  # fails: 6 queries
        with self.assertNumQueries(1):
            names = [book.author.name for book in Book.objects.all()]
            self.assertEqual(len(names), 5)  # passes; the count does not


# --8<-- [end:tests]
