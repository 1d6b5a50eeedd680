"""Messages between the client and a worker process: length-prefixed msgpack over a pipe.

Each message is `[kind, task, payload]`. Client to worker: RUN (a program
image, its shared buffers and the client's settings at submit, vm/settings.py),
RESUME (a continuation, how often it was suspended, and the settings of the
submit that started it), SUSPEND and CANCEL (of the running task), RELEASE
(the client has mapped a result's shared buffers), STOP. Worker to client:
READY, PRINT (text the computation printed, in program order), and one of
DONE, FAILED, SUSPENDED, CANCELLED per task (the payload, metrics, shared
buffers, and whether the computation changed builtins or a module the VM
allows: then the client stops that worker rather than give it more work,
vm/isolation.py).

Shared buffers: the out-of-band buffers of a pickle (compiler/buffers.py)
do not go through the pipe. The sender writes each into a memfd of its own
(`share_buffers`) and sends a reference: its pid, the fd's number, the size and the
memfd's random name. The receiver opens `/proc/<pid>/fd/<fd>`, checks the
name and size, maps it copy-on-write and closes its fd at once (`receive_buffers`):
the mapping lives as long as the arrays over it, and its writes stay in the
receiving process. The sender keeps its fd open until the receiver has
mapped it: the client until the task ends (the worker maps its arguments
before it runs), the worker until the client's RELEASE. A memfd has no name
in any file system, so a process killed at any point leaves nothing behind:
the kernel frees the memory with the last fd and mapping. Where a memfd
cannot be made, the buffer travels in the message itself.
"""
import enum
import errno
import os
import secrets
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
    RELEASE = 12


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


# ## Shared buffers

def share_buffers(buffers) -> tuple[list, list]:
    """References for `buffers` (`pickle.PickleBuffer`s) that a receiver's `receive_buffers` maps, and
    the fds to keep open until it has (close them with `release_buffers`)."""
    references, fds = [], []
    try:
        for buffer in buffers:
            raw = buffer.raw()
            name = f"pyfora-{secrets.token_hex(8)}"
            try:
                fd = _memfd(name, raw)
            except (OSError, AttributeError):   # no memfd here (or no memory for one): in the message
                references.append(bytes(raw))
                continue
            fds.append(fd)
            references.append([os.getpid(), fd, raw.nbytes, name])
    except BaseException:
        release_buffers(fds)
        raise
    return references, fds


def release_buffers(fds) -> None:
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass


def receive_buffers(references) -> list:
    """The buffers `share_buffers` referred to, each mapped copy-on-write (or copied from the message);
    one that cannot be had is the OSError that says why, raised where the pickle uses it."""
    buffers = []
    for reference in references:
        if isinstance(reference, bytes):
            buffers.append(bytearray(reference))
            continue
        try:
            buffers.append(_open_shared(*reference))
        except OSError as exc:
            buffers.append(OSError(exc.errno, f"pyfora could not map the shared memory an array travelled "
                                              f"in ({exc.strerror}: /proc/{reference[0]}/fd/{reference[1]})"))
    return buffers


def _memfd(name: str, data: memoryview) -> int:
    fd = os.memfd_create(name, os.MFD_CLOEXEC)
    try:
        view = data
        while view:
            view = view[os.write(fd, view[:1 << 30]):]
    except BaseException:
        os.close(fd)
        raise
    return fd


def _open_shared(pid: int, fd: int, size: int, name: str) -> memoryview:
    own = os.open(f"/proc/{pid}/fd/{fd}", os.O_RDONLY | os.O_CLOEXEC)
    try:
        if os.readlink(f"/proc/self/fd/{own}") != f"/memfd:{name} (deleted)" or os.fstat(own).st_size != size:
            raise OSError(errno.ESTALE, "not the memory that was sent")
        return _map_private(own, size)
    finally:
        os.close(own)


class _Unmapping:
    """Unmaps a mapping when the last object over it goes (it is an attribute of the ctypes array the
    memoryview was made from)."""

    def __init__(self, libc, address: int, size: int):
        self.libc, self.address, self.size = libc, address, size

    def __del__(self):
        self.libc.munmap(self.address, self.size)


_LIBC = None


def _map_private(fd: int, size: int) -> memoryview:
    """`size` bytes of the file `fd`, mapped private and writable (copy-on-write). Through libc rather
    than `mmap.mmap`, which keeps a duplicate of the fd open as long as the mapping lives: a client
    holding many results would run out of fds."""
    import ctypes
    import mmap
    global _LIBC
    if _LIBC is None:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.mmap.restype = ctypes.c_void_p
        libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                              ctypes.c_long]
        libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        _LIBC = libc
    address = _LIBC.mmap(None, size, mmap.PROT_READ | mmap.PROT_WRITE, mmap.MAP_PRIVATE, fd, 0)
    if address is None or address == ctypes.c_void_p(-1).value:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))
    memory = (ctypes.c_char * size).from_address(address)
    memory.unmapping = _Unmapping(_LIBC, address, size)
    return memoryview(memory).cast("B")
