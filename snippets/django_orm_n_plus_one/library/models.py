"""An author has many books (a foreign key); a book has many tags and a tag
many books (a many-to-many). Short table names keep the SQL readable."""

# --8<-- [start:models]
from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)

    class Meta:
        db_table = "author"
        ordering = ["name"]


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)

    class Meta:
        db_table = "tag"
        ordering = ["name"]


class Book(models.Model):
    title = models.CharField(max_length=200)
    year = models.IntegerField()
    author = models.ForeignKey(
        Author, on_delete=models.CASCADE, related_name="books"
    )
    tags = models.ManyToManyField(
        Tag, related_name="books", db_table="book_tag"
    )

    class Meta:
        db_table = "book"
        ordering = ["id"]


# --8<-- [end:models]
