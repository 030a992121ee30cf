"""Each topic of the page, run as `python demo.py <topic>` in a child process
against the PostgreSQL database named by DATABASE_URL (transcribe.py makes a
fresh one per run). It migrates, inserts library/data.py's rows and prints
every query a block ran, counted with CaptureQueriesContext.
"""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from django.core.management import call_command

from library.data import seed

call_command("migrate", verbosity=0)
seed()

# --8<-- [start:counted]
import contextlib
import re
import textwrap

from django.db import connection
from django.test.utils import CaptureQueriesContext


@contextlib.contextmanager
def counted(label):
    """Run a block, then print how many queries it sent, and their SQL."""
    with CaptureQueriesContext(connection) as queries:
        yield
    plural = "query" if len(queries) == 1 else "queries"
    print(f"-- {label}: {len(queries)} {plural}")
    for query in queries.captured_queries:
        sql = query["sql"].replace('"', "")  # quotes off, to read it
        sql = re.sub(r"_curs_\d+", "_curs_<thread id>", sql)
        print(
            textwrap.fill(
                sql, 78, initial_indent="   ", subsequent_indent="     "
            )
        )


# --8<-- [end:counted]


# --8<-- [start:lazy]
def lazy():
    from library.models import Book

    with counted("build and refine a queryset"):
        books = Book.objects.filter(year__lt=1990)
        books = books.exclude(title__startswith="The")
    with counted("iterate over it"):
        titles = [book.title for book in books]
    with counted("len, bool, [0], count() and exists() again"):
        print(len(books), bool(books), books[0].title, books.count())
        print(books.exists(), titles == [book.title for book in books])
    with counted("a new queryset made from it"):
        print(books.filter(year__gt=1960).count())
    with counted("index an unevaluated queryset"):
        print(Book.objects.all()[1].title)


# --8<-- [end:lazy]


# --8<-- [start:n_plus_one]
def n_plus_one():
    from library.models import Book

    with counted("each book, then its author"):
        for book in Book.objects.all():
            print(f"{book.title} by {book.author.name}")


# --8<-- [end:n_plus_one]


# --8<-- [start:select_related]
def select_related():
    from library.models import Book

    with counted("select_related('author')"):
        for book in Book.objects.select_related("author"):
            print(f"{book.title} by {book.author.name}")


# --8<-- [end:select_related]


# --8<-- [start:prefetch_related]
def prefetch_related():
    from library.models import Author, Book

    with counted("many-to-many: prefetch_related('tags')"):
        for book in Book.objects.prefetch_related("tags"):
            print(book.title, [tag.name for tag in book.tags.all()])
    with counted("reverse foreign key: prefetch_related('books')"):
        for author in Author.objects.prefetch_related("books"):
            print(author.name, len(author.books.all()))
    with counted("two levels: prefetch_related('books__tags')"):
        for author in Author.objects.prefetch_related("books__tags"):
            tags = {
                tag.name for b in author.books.all() for tag in b.tags.all()
            }
            print(author.name, sorted(tags))


# --8<-- [end:prefetch_related]


# --8<-- [start:prefetch_objects]
def prefetch_objects():
    from django.db.models import Prefetch

    from library.models import Author, Book

    with counted("filter() on a prefetched relation"):
        for author in Author.objects.prefetch_related("books"):
            print(author.name, author.books.filter(year__gt=1970).count())

    recent = Prefetch(
        "books",
        queryset=Book.objects.filter(year__gt=1970).select_related("author"),
        to_attr="recent_books",  # a plain list on each author
    )
    with counted("Prefetch(queryset=..., to_attr='recent_books')"):
        for author in Author.objects.prefetch_related(recent):
            print(author.name, [book.title for book in author.recent_books])


# --8<-- [end:prefetch_objects]


# --8<-- [start:only_defer]
def only_defer():
    from library.models import Book

    with counted("only('title'), reading title"):
        print([book.title for book in Book.objects.only("title")][:2])
    with counted("only('title'), then reading year"):
        print([book.year for book in Book.objects.only("title")])
    with counted("defer('title') with select_related, reading author"):
        books = Book.objects.defer("title").select_related("author")
        print(sorted({book.author.name for book in books}))


# --8<-- [end:only_defer]


# --8<-- [start:annotate]
def annotate():
    from django.db.models import Count

    from library.models import Author

    with counted("count() for each author"):
        for author in Author.objects.all():
            print(author.name, author.books.count())
    with counted("annotate(Count('books'))"):
        authors = Author.objects.annotate(n=Count("books")).order_by("name")
        for author in authors:
            print(author.name, author.n)
    with counted("two counts over two joins"):
        authors = Author.objects.annotate(
            n=Count("books"),  # inflated: one row per book *and* tag
            books_n=Count("books", distinct=True),
            tags_n=Count("books__tags", distinct=True),
        ).order_by("name")
        for author in authors:
            print(author.name, author.n, author.books_n, author.tags_n)


# --8<-- [end:annotate]


# --8<-- [start:values]
def values():
    from library.models import Book

    with counted("values_list() across the foreign key"):
        first = Book.objects.values_list("title", "author__name")[0]
        print(first, type(first).__name__)
    with counted("values_list(flat=True)"):
        print(list(Book.objects.values_list("year", flat=True)))
    with counted("values()"):
        print(Book.objects.values("title", "year").last())


# --8<-- [end:values]


# --8<-- [start:iterator]
def iterator():
    from library.models import Book

    books = Book.objects.all()
    with counted("iterator(chunk_size=2): one cursor, rows in chunks"):
        print([book.id for book in books.iterator(chunk_size=2)])
    with counted("the queryset did not cache them"):
        print(len(books))
    with counted("prefetch_related + iterator(chunk_size=2)"):
        tagged = Book.objects.prefetch_related("tags").iterator(chunk_size=2)
        print([len(book.tags.all()) for book in tagged])
    try:
        next(Book.objects.prefetch_related("tags").iterator())
    except ValueError as error:
        print("no chunk_size:", error)


# --8<-- [end:iterator]


# --8<-- [start:exists_count]
def exists_count():
    from library.models import Book

    pratchett = Book.objects.filter(author__name="Terry Pratchett")
    with counted("if queryset: (loads every row)"):
        print(bool(pratchett))
    pratchett = pratchett.all()  # a fresh copy, nothing cached
    with counted("exists()"):
        print(pratchett.exists())
    with counted("count()"):
        print(pratchett.count())
    with counted("len() (loads every row)"):
        print(len(pratchett))


# --8<-- [end:exists_count]

TOPICS = {
    "lazy": lazy,
    "n_plus_one": n_plus_one,
    "select_related": select_related,
    "prefetch_related": prefetch_related,
    "prefetch_objects": prefetch_objects,
    "only_defer": only_defer,
    "annotate": annotate,
    "values": values,
    "iterator": iterator,
    "exists_count": exists_count,
}

TOPICS[sys.argv[1]]()  # this file is only ever run as a script
