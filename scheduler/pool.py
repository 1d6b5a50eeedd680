"""The local pool: warm worker processes that each run one computation at a time.

Policy: submissions wait in one FIFO queue and go to the first idle worker.
A worker is a separate process (`python -m pyfora.vm.worker`), so no
`if __name__ == "__main__"` guard is needed in the user's script. It is
started with the large C stack its main thread needs already in its limits,
so it does not execute itself again to get one. A worker is idle once it
reports READY. The pool starts one worker at once and the others when that
one is ready, or sooner while computations wait for more workers than are
starting: so the first computation does not share the cores with the start
of every worker (start_count). Each worker
is sent a code definition once; later images refer to it by id. When a worker
dies (a crash, a signal, the memory limit) its computation fails with
`WorkerCrashedError` and a fresh worker takes its place. A worker that ends
before it is ready held no computation, so another starts in its place; after
START_FAILURES such ends in a row the pool stops starting them and fails what
waits, rather than starting workers that cannot start for as long as
computations come. Cancelling a running
computation asks its worker to stop at the next statement; a worker that has
not within CANCEL_GRACE (a long C call holds the signal back) is ended and
replaced, so the pool stays usable either way. A running computation can be
suspended to bytes and resumed in any pool (`suspend`, `resume`). Each
computation carries the client's settings at its submit (vm/settings.py), a
resumed one those of the submit that started it; a worker whose computation
changed a module is stopped once its answer is taken, and a fresh one starts
(vm/isolation.py).
With `workers=0` computations run synchronously in the calling thread.
"""
from __future__ import annotations

import collections
import contextlib
import os
import resource
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyfora.config import MIN_MEMORY_LIMIT, cache_dir
from pyfora.errors import PythonToForaConversionError, WorkerCrashedError
from pyfora.metrics import Metrics
from pyfora.vm import protocol
from pyfora.vm.settings import Settings
from pyfora.vm.settings import capture as capture_settings
from pyfora.vm.worker import BYTECODE_DIR, STACK_BYTES

if TYPE_CHECKING:   # imported when first used: the first worker starts before the client imports them
    from pyfora.compiler.image import CodeCache
    from pyfora.compiler.program import ProgramImage

    from .futures import Future


@dataclass
class Task:
    """One submitted computation and what decoding its result needs."""
    id: int
    image: ProgramImage
    handles: list
    code_cache: CodeCache
    future: Future
    settings: Settings
    on_done: object = None
    stdout: object = None
    continuation: tuple | None = None
    suspended: tuple | None = None
    ended: threading.Event = field(default_factory=threading.Event)
    shared: list = field(default_factory=list)    # fds of its arguments' shared buffers, open until it ends
    print_error: BaseException | None = None     # what writing its printed text here raised


@dataclass
class Suspension:
    """A computation suspended in a worker: its continuation and what settling its future needs."""
    continuation: bytes
    metrics: Metrics
    handles: list
    code_cache: CodeCache
    future: Future
    on_done: object
    settings: Settings


_ENDINGS = (protocol.Kind.DONE, protocol.Kind.FAILED, protocol.Kind.SUSPENDED, protocol.Kind.CANCELLED)
CANCEL_GRACE = 0.05
"""Seconds a worker gets to stop a cancelled computation itself before it is ended."""
START_FAILURES = 3
"""Workers in a row that may end before they are ready before the pool gives up on what waits."""
MALLOC_TUNING = {"MALLOC_MMAP_THRESHOLD_": str(32 << 20), "MALLOC_TRIM_THRESHOLD_": str(64 << 20)}
"""glibc malloc settings for a worker's environment (a user's own settings win). By default the
threshold above which a block is a fresh mmap moves with the blocks freed, and the heap top is
trimmed past 128 KiB, so a loop that builds ever longer lists (`l = l + [x]`) page-faults through
each new one: measured on this project's machine, 50,000 steps took 2.8 s with the defaults and
1.0 s with these settings."""


def _metrics(values: list) -> Metrics:
    """The metrics of a worker's answer."""
    return Metrics(*values)


def worker_environment(environ, hash_seed: str) -> dict:
    """The environment a worker starts with: the client's, with the VM's hash seed and malloc settings
    where the user set none, and bytecode caches it can write.

    A worker imports the VM (~8,000 lines of pyfora's own code) at every start. Where the client runs
    with PYTHONDONTWRITEBYTECODE (and so no bytecode of pyfora's modules may exist), that import
    compiles them from source each time: about 30 ms of each worker's start on this project's
    machine. So the worker keeps the bytecode of pyfora's own modules under pyfora's cache directory
    (vm/worker.py BYTECODE_DIR), never beside any source file, which is what that setting forbids;
    every other module loads as the user's settings say. A PYTHONPYCACHEPREFIX the user set is
    left to do its work.
    """
    env = dict(environ)
    env.setdefault("PYTHONHASHSEED", hash_seed)
    for name, value in MALLOC_TUNING.items():
        env.setdefault(name, value)
    if env.get("PYTHONDONTWRITEBYTECODE") and not env.get("PYTHONPYCACHEPREFIX"):
        env[BYTECODE_DIR] = str(cache_dir() / "bytecode")
    return env


_stack_lock = threading.Lock()


@contextlib.contextmanager
def _stack_limit_for_workers():
    """Raise this process's soft RLIMIT_STACK while a worker starts, so that the worker inherits it.

    A main thread's stack is laid out at exec, so the worker (vm/worker.py) needs the limit then;
    otherwise it raises it itself and executes itself again, which doubles its start-up. Raising a
    soft limit only lets this process's own stack grow further, and it is put back at once; the lock
    keeps two starts from restoring each other's value.
    """
    with _stack_lock:
        soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
        want = STACK_BYTES if hard == resource.RLIM_INFINITY else min(STACK_BYTES, hard)
        if soft == resource.RLIM_INFINITY or soft >= want:
            yield
            return
        resource.setrlimit(resource.RLIMIT_STACK, (want, hard))
        try:
            yield
        finally:
            resource.setrlimit(resource.RLIMIT_STACK, (soft, hard))


def _settle(task: Task, ok: bool, payload: bytes, metrics: Metrics, incoming=()):
    """Decode a worker's answer (`incoming`: the buffers its large arrays travelled in) into the task's
    future."""
    from pyfora.compiler.image import ResultReader
    if task.future.done():
        return
    try:
        value = ResultReader(payload, task.handles, task.code_cache, incoming).load()
    except Exception as exc:
        value, ok = _unreadable(exc), False
    except BaseException as exc:
        value, ok = exc, False
    _set_outcome(task, ok, value, metrics)


def _unreadable(exc: Exception) -> PythonToForaConversionError:
    """What the future raises when the answer cannot be rebuilt here (an object whose `__hash__` reads
    an attribute of its own, kept in a dict it holds, is rebuilt before that attribute is set)."""
    error = PythonToForaConversionError(
        f"pyfora could not rebuild the computation's answer in this process ({type(exc).__name__}: {exc}); "
        "return plain values (numbers, strings, lists, dicts, tuples) built from it instead")
    error.__cause__ = exc
    return error


def _set_outcome(task: Task, ok: bool, value, metrics: Metrics):
    if task.future.done():
        return
    task.future.metrics = metrics
    if task.on_done is not None:
        task.on_done(task.future)
    if task.future.done():
        return
    if ok:
        task.future.set_result(value)
    else:
        task.future.set_exception(value)


def start_count(size: int, started: int, ready: int, waiting: int) -> int:
    """How many more workers to start, for a pool of `size` with `started` workers of which `ready`
    have reported READY, and `waiting` computations queued.

    Until one worker is ready only as many start as computations wait beyond those already
    starting (at least one), so the first computation's worker starts alone; then all of them.
    """
    missing = size - started
    if ready or missing <= 0:
        return max(missing, 0)
    return min(missing, max(1 - started, waiting - started))


class WorkerProcess:
    """One worker process and the thread that reads its messages."""

    def __init__(self, pool: LocalPool):
        self.pool = pool
        self.known_codes: set[str] = set()
        self.task: Task | None = None
        self.ended = False
        to_worker_r, self.to_worker = os.pipe()
        self.sending = threading.Lock()
        self.from_worker, from_worker_w = os.pipe()
        env = worker_environment(os.environ, pool.hash_seed)
        env["PYFORA_JIT"] = "on" if pool.jit else "off"
        with _stack_limit_for_workers():
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pyfora.vm.worker", str(to_worker_r), str(from_worker_w)],
                pass_fds=(to_worker_r, from_worker_w), env=env, stdin=subprocess.DEVNULL, start_new_session=True)
        os.close(to_worker_r)
        os.close(from_worker_w)
        self.ready = threading.Event()
        self.reader = threading.Thread(target=self._read, name="pyfora-worker-reader", daemon=True)
        self.reader.start()

    def start(self, task: Task):
        self.task = task
        if task.continuation is not None:
            kind, payload = protocol.Kind.RESUME, [*task.continuation, task.settings.to_wire()]
        else:
            from pyfora.compiler.buffers import buffers_of
            from pyfora.compiler.program import ProgramImage
            image = task.image
            fresh = {k: v for k, v in image.codes.items() if k not in self.known_codes}
            self.known_codes.update(fresh)
            # Large arrays go in memfds the worker maps; their fds stay open until the task ends.
            references, task.shared = protocol.share_buffers(buffers_of(image.graph))
            kind, payload = protocol.Kind.RUN, [ProgramImage(fresh, image.graph).to_bytes(), references,
                                                task.settings.to_wire()]
        self.request(kind, task.id, payload)

    def request(self, kind: protocol.Kind, task_id: int, payload=None):
        if not self._send(kind, task_id, payload):
            self.kill()

    def _send(self, kind: protocol.Kind, task_id: int, payload) -> bool:
        """Write one request; False if the worker's end is gone. The request pipe is closed under the
        same lock, so a write never goes to a closed descriptor's number after the system reused it."""
        with self.sending:
            if self.to_worker is None:
                return False
            try:
                protocol.send(self.to_worker, kind, task_id, payload)
            except OSError:
                return False
        return True

    def kill(self):
        """End the process now; the reader thread reports it."""
        self.ended = True
        try:
            self.process.kill()
        except ProcessLookupError:
            pass

    def stop(self):
        self.ended = True
        self._send(protocol.Kind.STOP, 0, None)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._close()

    def _close(self):
        """Close the request pipe (once: when the worker is stopped, or when it has ended)."""
        with self.sending:
            if self.to_worker is not None:
                os.close(self.to_worker)
                self.to_worker = None

    def _print(self, text: str, task_id: int):
        """Write what the computation printed. If this process cannot (its stdout closed, or a pipe
        whose reader is gone), the computation fails with what that `print` raised here, as it would
        have in CPython, and is stopped; this thread, and so the executor, goes on."""
        task = self.task
        out = task.stdout if task is not None and task.stdout is not None else sys.stdout
        try:
            out.write(text)
        except Exception as exc:
            if task is not None and task.print_error is None:
                task.print_error = exc.with_traceback(None)
                self.request(protocol.Kind.CANCEL, task_id)

    def _read(self):
        while True:
            message = protocol.receive(self.from_worker)
            if message is None:
                break
            kind, task_id, payload = message
            if kind is protocol.Kind.READY:
                self.ready.set()
                self.pool._worker_ready(self)
            elif kind is protocol.Kind.PRINT:
                self._print(payload, task_id)
            elif kind in _ENDINGS:
                data, m, references, changed_a_module = payload
                task, self.task = self.task, None
                protocol.release_buffers(task.shared)
                task.shared = []
                incoming = protocol.receive_buffers(references)
                if references:      # mapped: the worker may close its memfds
                    self.request(protocol.Kind.RELEASE, task_id)
                if changed_a_module:    # not idle again: it ends, and the pool replaces it
                    self.ended = True
                    self._send(protocol.Kind.STOP, 0, None)
                if task.print_error is not None:
                    _set_outcome(task, False, task.print_error, _metrics(m))
                elif kind is protocol.Kind.SUSPENDED:
                    task.suspended = (data, _metrics(m))
                elif kind is not protocol.Kind.CANCELLED:
                    _settle(task, kind is protocol.Kind.DONE, data, _metrics(m), incoming)
                task.ended.set()
                # Hold nothing of the task while waiting for the next message: its future (and the
                # result, maybe mapped memory) goes when the user lets go of it.
                message = payload = data = incoming = task = None
                self.pool._worker_idle(self)
        os.close(self.from_worker)
        self._close()
        task = self.task
        if task is not None:
            protocol.release_buffers(task.shared)
            task.shared = []
        code = self.process.wait()
        self.pool._worker_ended(self, code)


class LocalPool:
    """Worker processes on this machine, or the calling thread when `workers` is 0."""

    def __init__(self, workers: int, hash_seed: str = "0", jit: bool = True):
        self.size = workers
        self.hash_seed = hash_seed
        self.jit = jit
        self.lock = threading.Lock()
        self.queue: collections.deque[Task] = collections.deque()
        self.idle: list[WorkerProcess] = []
        self.workers: list[WorkerProcess] = []
        self.closed = False
        self.start_failures = 0     # workers that ended before they were ready, since one was
        self._next_id = 0
        with self.lock:
            self._start_workers()

    def _start_workers(self):
        """Start as many workers as `start_count` says (the caller holds the lock)."""
        ready = sum(w.ready.is_set() for w in self.workers)
        for _ in range(start_count(self.size, len(self.workers), ready, len(self.queue))):
            self._spawn()

    def _spawn(self):
        self.workers.append(WorkerProcess(self))

    def submit(self, image: ProgramImage, handles: list, code_cache: CodeCache, on_done=None) -> Future:
        from .futures import Future
        future = Future()
        process_settings = capture_settings()   # here, on the submitting thread: numpy's are its context's
        with self.lock:
            if self.closed:
                raise RuntimeError("cannot submit to a closed pyfora executor")
            self._next_id += 1
            task = Task(self._next_id, image, handles, code_cache, future, process_settings, on_done)
        if self.size == 0:
            return self._run_here(task)
        future._stop_running = lambda: self._cancel_running(task)
        with self.lock:
            self.queue.append(task)
            self._start_workers()
        self._dispatch()
        return future

    def _run_here(self, task: Task) -> Future:
        from pyfora.compiler.buffers import buffers_of, receiving
        from pyfora.compiler.program import ProgramImage
        from pyfora.vm.run import run   # only a pool without workers runs the VM in this process
        task.future.set_running_or_notify_cancel()
        # Large arrays: the VM gets copies of the arguments' memory (as a worker gets its own), the
        # client the result's memory itself (nothing in the VM uses it once the computation is over).
        with receiving([bytearray(b.raw()) for b in buffers_of(task.image.graph)]):
            outcome = run(ProgramImage.from_bytes(task.image.to_bytes()))
        _settle(task, outcome.ok, outcome.payload, outcome.metrics,
                [b.raw() for b in buffers_of(outcome.payload)])
        return task.future

    def _dispatch(self):
        while True:
            with self.lock:
                if not self.queue or not self.idle:
                    return
                task = self.queue.popleft()
                if not task.future.running() and not task.future.set_running_or_notify_cancel():
                    continue
                task.stdout = sys.stdout
                worker = self.idle.pop()
            worker.start(task)

    def _worker_of(self, task: Task) -> WorkerProcess | None:
        with self.lock:
            return next((w for w in self.workers if w.task is task), None)

    def _cancel_running(self, task: Task):
        """Ask the worker to stop at its next statement; end it if it has not within CANCEL_GRACE."""
        worker = self._worker_of(task)
        if worker is None:
            return
        worker.request(protocol.Kind.CANCEL, task.id)

        def deadline():
            if worker.task is task:
                worker.kill()
        timer = threading.Timer(CANCEL_GRACE, deadline)
        timer.daemon = True
        timer.start()

    def suspend(self, future: Future, timeout: float = 30.0) -> Suspension:
        """Suspend the running computation of `future` at its next resumable statement.

        The future stays running; `resume` (in this pool or another) goes on with it and
        settles the same future.
        """
        task = next((w.task for w in list(self.workers) if w.task is not None and w.task.future is future), None)
        if task is None:
            raise RuntimeError("that computation is not running in this pool")
        self._worker_of(task).request(protocol.Kind.SUSPEND, task.id)
        if not task.ended.wait(timeout):
            raise TimeoutError("the computation did not reach a resumable statement in time")
        if task.suspended is None:
            raise RuntimeError("the computation ended before it could be suspended")
        continuation, metrics = task.suspended
        return Suspension(continuation, metrics, task.handles, task.code_cache, future, task.on_done,
                          task.settings)

    def resume(self, suspension: Suspension) -> Future:
        """Go on with a suspended computation on whichever worker is free; returns its future."""
        with self.lock:
            self._next_id += 1
            task = Task(self._next_id, None, suspension.handles, suspension.code_cache, suspension.future,
                        suspension.settings, suspension.on_done,
                        continuation=(suspension.continuation, suspension.metrics.suspensions))
        task.future._stop_running = lambda: self._cancel_running(task)
        with self.lock:
            self.queue.append(task)
        self._dispatch()
        return task.future

    def _worker_ready(self, worker: WorkerProcess):
        """A worker has started: it takes work, and then the rest of the pool may start."""
        self._worker_idle(worker)
        with self.lock:
            self.start_failures = 0
            if not self.closed:
                self._start_workers()

    def _worker_idle(self, worker: WorkerProcess):
        with self.lock:
            if worker.ended or self.closed:
                return
            self.idle.append(worker)
        self._dispatch()

    def _worker_ended(self, worker: WorkerProcess, code: int):
        task, worker.task = worker.task, None
        how = f"was killed by signal {-code}" if code < 0 else f"exited with status {code}"
        with self.lock:
            if worker in self.workers:
                self.workers.remove(worker)
            if worker in self.idle:
                self.idle.remove(worker)
            started = worker.ready.is_set()
            abandoned = []
            if not started:
                self.start_failures += 1
                if self.start_failures >= START_FAILURES:
                    abandoned = list(self.queue)
                    self.queue.clear()
            replace = not self.closed and (started or bool(self.queue))
        if task is not None and not task.future.done():
            task.future.set_exception(WorkerCrashedError(
                f"the worker process running this computation {how} (a crash, or it ran out of memory)"))
        for waiting in abandoned:
            if waiting.future.running() or waiting.future.set_running_or_notify_cancel():
                waiting.future.set_exception(WorkerCrashedError(
                    f"{START_FAILURES} worker processes in a row ended before they were ready (the last "
                    f"{how}; its error is on stderr), so pyfora stopped starting them. Check that "
                    f"`python -m pyfora.vm.worker` can start here, and PYFORA_MEMORY_LIMIT (a worker "
                    f"needs at least {MIN_MEMORY_LIMIT >> 20} MiB); a later submission tries again"))
        if replace:
            with self.lock:
                self._start_workers()
            self._dispatch()

    def close(self):
        with self.lock:
            self.closed = True
            pending = list(self.queue)
            self.queue.clear()
            workers = list(self.workers)
        for task in pending:
            task.future.cancel()
        for worker in workers:
            task = worker.task
            if task is not None:
                task.future.cancel()
                worker.kill()
            elif worker.ready.is_set():
                worker.stop()
            else:   # still starting: it holds nothing, and need not finish starting to end
                worker.kill()
        for worker in workers:
            worker.reader.join(timeout=5)
