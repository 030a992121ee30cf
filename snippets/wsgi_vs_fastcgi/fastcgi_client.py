"""A FastCGI client with the standard library only: what a web server sends."""

# --8<-- [start:records]
import struct
from typing import NamedTuple

VERSION = 1
# Record types (FastCGI specification, section 8).
BEGIN_REQUEST, ABORT_REQUEST, END_REQUEST = 1, 2, 3
PARAMS, STDIN, STDOUT, STDERR, DATA = 4, 5, 6, 7, 8
GET_VALUES, GET_VALUES_RESULT, UNKNOWN_TYPE = 9, 10, 11
TYPE_NAMES = {
    1: "BEGIN_REQUEST", 2: "ABORT_REQUEST", 3: "END_REQUEST",
    4: "PARAMS", 5: "STDIN", 6: "STDOUT", 7: "STDERR", 8: "DATA",
    9: "GET_VALUES", 10: "GET_VALUES_RESULT", 11: "UNKNOWN_TYPE",
}  # fmt: skip
RESPONDER = 1  # the role of an ordinary request handler
PROTOCOL_STATUS = {
    0: "REQUEST_COMPLETE", 1: "CANT_MPX_CONN", 2: "OVERLOADED",
    3: "UNKNOWN_ROLE",
}  # fmt: skip
MAX_CONTENT = 0xFFFF  # the length field is two bytes

# Every record starts with the same 8 bytes: version, type, request id,
# content length, padding length, one reserved byte. Big-endian.
HEADER = struct.Struct(">BBHHBx")


class Record(NamedTuple):
    type: int
    request_id: int
    content: bytes
    padding: int


def record(type_, request_id, content=b""):
    """One record on the wire, padded to a multiple of 8 bytes."""
    padding = -len(content) % 8
    header = HEADER.pack(VERSION, type_, request_id, len(content), padding)
    return header + content + b"\x00" * padding


def stream(type_, request_id, data):
    """A stream (PARAMS, STDIN): chunks of at most 65535 bytes, then empty."""
    chunks = [
        record(type_, request_id, data[start : start + MAX_CONTENT])
        for start in range(0, len(data), MAX_CONTENT)
    ]
    return [*chunks, record(type_, request_id)]  # the empty one ends it


def begin_request(request_id, role=RESPONDER, keep_conn=False):
    """BEGIN_REQUEST: a 2-byte role, a flags byte, 5 reserved bytes."""
    body = struct.pack(">HB5x", role, keep_conn)
    return record(BEGIN_REQUEST, request_id, body)


def encode_length(length):
    """Lengths below 128 take 1 byte; longer ones 4, top bit set."""
    if length < 128:
        return bytes([length])
    return struct.pack(">I", length | 0x8000_0000)


def encode_pairs(pairs):
    """Name-value pairs: both lengths first, then the name, then the value."""
    encoded = b""
    for name, value in pairs.items():
        name_bytes = name.encode("latin-1")
        value_bytes = value.encode("latin-1")
        encoded += encode_length(len(name_bytes))
        encoded += encode_length(len(value_bytes))
        encoded += name_bytes + value_bytes
    return encoded


def decode_pairs(data):
    pairs, position = {}, 0
    while position < len(data):
        lengths = []
        for _ in range(2):
            if data[position] < 128:
                lengths.append(data[position])
                position += 1
            else:
                (long_length,) = struct.unpack_from(">I", data, position)
                lengths.append(long_length & 0x7FFF_FFFF)
                position += 4
        name_end = position + lengths[0]
        value_end = name_end + lengths[1]
        pairs[data[position:name_end].decode("latin-1")] = data[
            name_end:value_end
        ].decode("latin-1")
        position = value_end
    return pairs


def split_records(data):
    """Parse a run of records (for showing what was sent)."""
    records, position = [], 0
    while position < len(data):
        fields = HEADER.unpack_from(data, position)
        _, type_, request_id, length, padding = fields
        start = position + HEADER.size
        content = data[start : start + length]
        records.append(Record(type_, request_id, content, padding))
        position = start + length + padding
    return records


# --8<-- [end:records]


# --8<-- [start:encode_demo]
def hex_bytes(data):
    return " ".join(f"{byte:02x}" for byte in data)


print("BEGIN_REQUEST :", hex_bytes(begin_request(1)))
print("empty STDIN   :", hex_bytes(record(STDIN, 1)))
print("short pair    :", hex_bytes(encode_pairs({"REQUEST_METHOD": "GET"})[:2]))
print("200-byte value:", hex_bytes(encode_pairs({"X": "a" * 200})[:5]))
print(decode_pairs(encode_pairs({"X": "a" * 200, "Y": ""})).keys())
# --8<-- [end:encode_demo]


# --8<-- [start:client]
import socket
from dataclasses import dataclass


@dataclass
class Exchange:
    sent: list  # Records, in the order they went out
    received: list  # Records, in the order they came back

    def stdout(self, request_id=1):
        return b"".join(
            r.content for r in self.received
            if r.type == STDOUT and r.request_id == request_id
        )  # fmt: skip

    def end(self, request_id=1):
        """(application status, protocol status) from END_REQUEST."""
        for r in self.received:
            if r.type == END_REQUEST and r.request_id == request_id:
                app_status, protocol = struct.unpack(">IB3x", r.content)
                return app_status, PROTOCOL_STATUS[protocol]
        raise LookupError(f"no END_REQUEST for request {request_id}")


def read_record(incoming):
    header = incoming.read(HEADER.size)
    if len(header) < HEADER.size:
        raise ConnectionError("the application closed the connection")
    _, type_, request_id, length, padding = HEADER.unpack(header)
    content = incoming.read(length)
    incoming.read(padding)
    return Record(type_, request_id, content, padding)


def converse(address, outgoing, wait_for, timeout=10):
    """Send raw records; read replies until every id in `wait_for` ended."""
    pending, received = set(wait_for), []
    with (
        socket.create_connection(address, timeout) as sock,
        sock.makefile("rb") as incoming,
    ):
        sock.sendall(outgoing)
        while pending:
            reply = read_record(incoming)
            received.append(reply)
            if reply.type == END_REQUEST:
                pending.discard(reply.request_id)
    return Exchange(split_records(outgoing), received)


def fastcgi_request(address, params, body=b"", request_id=1):
    """One RESPONDER request: BEGIN_REQUEST, PARAMS stream, STDIN stream."""
    params = {**params, "CONTENT_LENGTH": str(len(body))}
    outgoing = b"".join(
        [
            begin_request(request_id),
            *stream(PARAMS, request_id, encode_pairs(params)),
            *stream(STDIN, request_id, body),
        ]
    )
    return converse(address, outgoing, {request_id})


def interleaved(address, params, bodies):
    """Two requests on ONE connection, their records interleaved.

    Multiplexing is in the specification; an application that does not
    do it answers the second BEGIN_REQUEST with CANT_MPX_CONN.
    """
    ids = range(1, len(bodies) + 1)
    begins = [begin_request(request_id) for request_id in ids]
    streams = []
    for request_id, body in zip(ids, bodies, strict=True):
        pairs = encode_pairs({**params, "CONTENT_LENGTH": str(len(body))})
        streams += stream(PARAMS, request_id, pairs)
        streams += stream(STDIN, request_id, body)
    outgoing = b"".join(begins + streams)  # both BEGINs before any PARAMS
    return converse(address, outgoing, set(ids))


# --8<-- [end:client]


# --8<-- [start:response]
def parse_cgi_response(stdout):
    """STDOUT carries a CGI response: header lines, a blank line, the body."""
    head, _, body = stdout.partition(b"\r\n\r\n")
    status, headers = "200 OK", []
    for line in head.decode("latin-1").split("\r\n"):
        name, _, value = line.partition(":")
        if name.lower() == "status":
            status = value.strip()  # the web server turns this into HTTP
        else:
            headers.append((name, value.strip()))
    return status, headers, body


# --8<-- [end:response]
