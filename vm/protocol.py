"""Messages between the client and a worker process: length-prefixed msgpack over a pipe.

Each message is `[kind, task, payload]`. Client to worker: RUN (a program
image), RESUME (a continuation and how often it was suspended), SUSPEND and
CANCEL (of the running task), STOP. Worker to client: READY, PRINT (text the
computation printed, in program order), and one of DONE, FAILED, SUSPENDED,
CANCELLED per task (the payload with metrics).
"""
import enum
import os
import struct

import msgpack

_HEADER = struct.Struct("!I")


class Kind(enum.IntEnum):
    RUN = 1
    RESUME = 2
    SUSPEND = 3
    CANCEL = 4
    STOP = 5
    READY = 6
    PRINT = 7
    DONE = 8
    FAILED = 9
    SUSPENDED = 10
    CANCELLED = 11


def send(fd: int, kind: Kind, task: int, payload) -> None:
    data = msgpack.packb([int(kind), task, payload], use_bin_type=True)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _read_exactly(fd: int, n: int) -> bytes | None:
    chunks = []
    while n:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def receive(fd: int):
    """The next message as (kind, task, payload), or None at end of stream."""
    header = _read_exactly(fd, _HEADER.size)
    if header is None:
        return None
    data = _read_exactly(fd, _HEADER.unpack(header)[0])
    if data is None:
        return None
    kind, task, payload = msgpack.unpackb(data, raw=False)
    return Kind(kind), task, payload
