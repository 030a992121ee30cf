"""The rows every demo and test starts from: 3 authors, 5 books, 4 tags."""

from library.models import Author, Book, Tag

BOOKS = [  # title, year, author, tags
    ("A Wizard of Earthsea", 1968, "Ursula K. Le Guin", ["fantasy"]),
    ("The Dispossessed", 1974, "Ursula K. Le Guin", ["sf"]),
    ("Guards! Guards!", 1989, "Terry Pratchett", ["fantasy", "humour"]),
    ("Small Gods", 1992, "Terry Pratchett", ["fantasy", "humour"]),
    ("Murder on the Orient Express", 1934, "Agatha Christie", ["crime"]),
]


def seed():
    """Insert the rows, in this order, so their ids are always the same."""
    authors, tags = {}, {}
    for title, year, name, tag_names in BOOKS:
        if name not in authors:
            authors[name] = Author.objects.create(name=name)
        book = Book.objects.create(title=title, year=year, author=authors[name])
        for tag in tag_names:
            if tag not in tags:
                tags[tag] = Tag.objects.create(name=tag)
            book.tags.add(tags[tag])
