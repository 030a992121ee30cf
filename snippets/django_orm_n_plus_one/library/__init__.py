"""The example project's only app: authors, their books and the books' tags."""
