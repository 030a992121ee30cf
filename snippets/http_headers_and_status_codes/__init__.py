"""Question 17: common headers and status codes, from a local server."""
