"""A stand-in socket, so that http.client can parse and send HTTP/1.1 bytes
without a network: it hands canned response bytes to the reader and keeps
whatever the client sends."""

# --8<-- [start:wire]
import io


class Wire:
    """What http.client needs from a socket: makefile() and sendall()."""

    def __init__(self, incoming=b""):
        self.incoming, self.sent = incoming, bytearray()

    def makefile(self, mode):  # the response side reads from this
        return io.BytesIO(self.incoming)

    def sendall(self, data):  # the request side writes to this
        self.sent += data


# --8<-- [end:wire]
