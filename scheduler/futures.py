"""`pyfora.Future`: a concurrent.futures.Future whose cancel() also stops running work."""
import concurrent.futures


class Future(concurrent.futures.Future):
    """The result of one submitted computation.

    `metrics` (a `pyfora.Metrics`) is set once the computation is done.
    Awaitable from asyncio. `cancel()` stops the computation even when it is
    already running, and then returns True; so does Ctrl-C in `result()`.
    """

    def __init__(self):
        super().__init__()
        self.metrics = None
        self._stop_running = None

    def cancel(self) -> bool:
        with self._condition:
            running = self._state == "RUNNING"
            stop = self._stop_running
        if running and stop is not None:
            stop()
            with self._condition:
                self._state = "PENDING"
        return super().cancel()

    def result(self, timeout=None):
        """The computation's value (or its exception raised); Ctrl-C while waiting cancels it."""
        try:
            return super().result(timeout)
        except KeyboardInterrupt:
            self.cancel()
            raise

    def __await__(self):
        import asyncio   # here: importing it costs a fresh process ~13 ms, and most clients never await
        return asyncio.wrap_future(self).__await__()
