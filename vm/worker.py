"""A worker process: runs computations on its main thread, one at a time.

Started as `python -m pyfora.vm.worker READ_FD WRITE_FD`. The main thread
needs a large C stack for deep recursion (through constructors, 50,000 nested
calls overflow 8 MB), and a main thread's stack is fixed when the process
starts: the pool starts workers with RLIMIT_STACK raised already, and a worker
started without it raises it and re-executes itself once.
Printed text goes to the client as PRINT messages, in program order.
Each computation runs with the client's settings at its submit (vm/settings.py);
one that changed a module the VM allows, or builtins, is answered with those
put back and a request to be replaced (vm/isolation.py).
A STOP message ends the worker once it is idle. End of file on the request
pipe means the client is gone (it exited or was killed without closing
its executor), so the reader thread ends the process at once, even while a
computation runs: a worker never outlives its client. (Only a long C call
that holds the GIL, such as `sum` over a huge range, delays this until it
returns.)
"""
import importlib.machinery
import io
import os
import resource
import sys
import threading
import traceback

STACK_BYTES = 4 << 30
THREAD_STACK_BYTES = 8 << 20
"""The stack of each of the worker's other threads (the request reader, a computation's monitor): they
run no user code, and a thread's stack counts against PYFORA_MEMORY_LIMIT. Set explicitly, since
glibc would otherwise give each thread RLIMIT_STACK's size, which is STACK_BYTES here."""
RECURSION_LIMIT = 1_000_000
_M_ARENA_MAX = -8
"""mallopt's parameter number for the most malloc arenas (glibc's malloc.h)."""
_PTHREAD_ATTR_BYTES = 64
"""Room for a pthread_attr_t (56 bytes on x86-64 and 64 on aarch64 glibc)."""
_REEXEC = "PYFORA_WORKER_STACK"
BYTECODE_DIR = "PYFORA_WORKER_BYTECODE"
"""Where the worker of a client that writes no bytecode keeps that of pyfora's own modules (pool.py)."""


class _OwnBytecode(importlib.machinery.SourceFileLoader):
    """Loads one of pyfora's modules with its bytecode read from and written to BYTECODE_DIR.

    Only pyfora's: PYTHONPYCACHEPREFIX would send every module there, and a fresh directory would
    then make the worker compile the ~150 standard-library modules it imports from source (about
    0.25 s at its first start), which keep their bytecode beside them."""

    def get_code(self, fullname):
        saved = sys.pycache_prefix, sys.dont_write_bytecode
        sys.pycache_prefix, sys.dont_write_bytecode = os.environ[BYTECODE_DIR], False
        try:
            return super().get_code(fullname)
        finally:
            sys.pycache_prefix, sys.dont_write_bytecode = saved


class _OwnBytecodeFinder:
    """A meta path finder that hands pyfora's modules, as the other finders find them, to _OwnBytecode."""

    @staticmethod
    def find_spec(fullname, path=None, target=None):
        if not fullname.startswith("pyfora."):
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(fullname, path, target) if finder is not _OwnBytecodeFinder and find else None
            if spec is not None:
                if type(spec.loader) is importlib.machinery.SourceFileLoader:
                    spec.loader = _OwnBytecode(spec.loader.name, spec.loader.path)
                return spec
        return None


def _ensure_big_stack():
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    want = STACK_BYTES if hard == resource.RLIM_INFINITY else min(STACK_BYTES, hard)
    if os.environ.get(_REEXEC) or (soft != resource.RLIM_INFINITY and soft >= want):
        return
    if soft == resource.RLIM_INFINITY:
        return
    resource.setrlimit(resource.RLIMIT_STACK, (want, hard))
    os.environ[_REEXEC] = "1"
    os.execv(sys.executable, [sys.executable, "-m", "pyfora.vm.worker", *sys.argv[1:]])


class _PrintStream(io.TextIOBase):
    """sys.stdout of a worker: each write goes to the client at once."""

    def __init__(self, channel):
        self.channel = channel

    def writable(self):
        return True

    def write(self, text):
        if text:
            self.channel.send_print(text)
        return len(text)


class Channel:
    def __init__(self, read_fd: int, write_fd: int):
        from . import protocol
        self.protocol = protocol
        self.read_fd, self.write_fd = read_fd, write_fd
        self.lock = threading.Lock()
        self.task = 0

    def send(self, kind, payload):
        """Send a message to the client; if it is gone (its end of the pipe closed), end this worker
        quietly, as the reader thread does at end of file."""
        try:
            with self.lock:
                self.protocol.send(self.write_fd, kind, self.task, payload)
        except BrokenPipeError:
            os._exit(0)

    def send_print(self, text):
        self.send(self.protocol.Kind.PRINT, text)


def _serve(channel: Channel):
    """Run tasks on this (the main) thread; a reader thread takes requests meanwhile."""
    import queue
    import signal

    from pyfora.compiler.buffers import buffers_of, receiving
    from pyfora.compiler.program import ProgramImage
    from . import protocol
    from .isolation import Fingerprint, Isolation
    from .run import Computation, Status
    from .settings import Settings

    tasks: queue.Queue = queue.Queue()
    current: dict = {}      # task -> (its Computation, its Isolation)
    held: dict = {}     # task -> fds of its result's shared buffers, open until the client's RELEASE
    main = threading.get_ident()

    def read():
        try:
            take_requests()
        except BaseException:
            # The main thread waits for tasks only this thread hands it: without it, this worker
            # would never answer again. End it, so the client reports a crashed worker instead.
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(1)

    def take_requests():
        while True:
            message = protocol.receive(channel.read_fd)
            if message is None:
                # The client is gone, so no one can take a result: end now, even mid-computation.
                os._exit(0)
            if message[0] is protocol.Kind.STOP:
                tasks.put(None)
                return
            kind, task, payload = message
            computation, _ = current.get(task, (None, None))
            if kind is protocol.Kind.RELEASE:
                protocol.release_buffers(held.pop(task, ()))
            elif kind is protocol.Kind.CANCEL and computation is not None:
                computation.request_cancel()
            elif kind is protocol.Kind.SUSPEND and computation is not None:
                computation.request_suspension()
            elif kind in (protocol.Kind.RUN, protocol.Kind.RESUME):
                suspensions = payload[1] if kind is protocol.Kind.RESUME else 0
                isolation = Isolation(fingerprint, Settings.from_wire(payload[2]))
                current[task] = Computation(suspensions, thread=main, isolation=isolation), isolation
                tasks.put(message)

    def on_signal(signum, frame):
        for computation, _ in list(current.values()):
            computation.suspender.on_signal(frame)

    fingerprint = Fingerprint()
    signal.signal(signal.SIGUSR1, on_signal)
    threading.Thread(target=read, name="pyfora-worker-requests", daemon=True).start()
    replies = {Status.DONE: protocol.Kind.DONE, Status.FAILED: protocol.Kind.FAILED,
               Status.SUSPENDED: protocol.Kind.SUSPENDED, Status.CANCELLED: protocol.Kind.CANCELLED}
    channel.send(protocol.Kind.READY, None)
    while True:
        message = tasks.get()
        if message is None:
            return
        kind, task, payload = message
        channel.task = task
        computation, isolation = current[task]
        if kind is protocol.Kind.RUN:
            image, references, _ = payload
            # The arguments' large arrays, mapped from the client's memfds (which it keeps open until
            # this task ends); each mapping goes with the last array over it.
            with receiving(protocol.receive_buffers(references)):
                outcome = computation.run(ProgramImage.from_bytes(image))
        else:
            outcome = computation.resume(payload[0])
        del current[task]
        m = outcome.metrics
        references, fds = protocol.share_buffers(buffers_of(outcome.payload))
        if fds:
            held[task] = fds
        # A computation that changed a module leaves this worker: the pool stops it once the reply
        # is taken, and starts a fresh one.
        channel.send(replies[outcome.status],
                     [outcome.payload, m.fields(), references,
                      bool(isolation.changed)])
        message = payload = image = outcome = None   # nothing of a finished task stays alive here


def _limit_memory(limit: int):
    """Hold this process to `limit` bytes of address space, with one malloc arena for all its threads.

    glibc gives each thread that allocates an arena of its own, a 64 MiB reservation that counts
    against the limit. Worse, once the main arena cannot grow, every allocation of the main thread
    that fails first tries to map a new arena (128 MiB, then 64 MiB) and fails that too: a computation
    that filled its memory then spends its time in failed system calls (seen here at a 2 GiB limit as a
    worker still running after 150 s, four fifths of it in the kernel, stopped in that mapping, where
    CPython alone raised MemoryError in 2.4 s).
    The reader and monitor threads allocate little, so sharing the main arena costs nothing.
    Threads that libraries start (OpenBLAS starts one per core when numpy is imported) get
    THREAD_STACK_BYTES too, instead of glibc's default of RLIMIT_STACK (STACK_BYTES): under a limit of
    1 or 4 GiB, numpy could not be imported at all.
    """
    import ctypes
    libc = ctypes.CDLL(None)
    libc.mallopt(_M_ARENA_MAX, 1)
    attr = ctypes.create_string_buffer(_PTHREAD_ATTR_BYTES)
    libc.pthread_attr_init(attr)
    libc.pthread_attr_setstacksize(attr, ctypes.c_size_t(THREAD_STACK_BYTES))
    libc.pthread_setattr_default_np(attr)
    libc.pthread_attr_destroy(attr)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main():
    _ensure_big_stack()
    if os.environ.get(BYTECODE_DIR):
        sys.meta_path.insert(0, _OwnBytecodeFinder)
    sys.setrecursionlimit(RECURSION_LIMIT)
    threading.stack_size(THREAD_STACK_BYTES)
    memory = os.environ.get("PYFORA_MEMORY_LIMIT")
    if memory:
        _limit_memory(int(memory))
    channel = Channel(int(sys.argv[1]), int(sys.argv[2]))
    sys.stdout = _PrintStream(channel)
    _serve(channel)
    # Told to stop: nothing is left to write, and the client waits for this process to end, so
    # skip the interpreter's teardown of every module the VM imported.
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
