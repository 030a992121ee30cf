"""Question 16: the HTTP protocol, seen on the wire of a local server."""
