"""Background processes for the CPU-heavy parts of a document: charts and PDF parts.

Building an LKIP is mostly waiting on matplotlib and WeasyPrint, single-threaded Python. On a
machine with more than one core, the charts are drawn and the independent parts of a PDF are
laid out in other processes while this one goes on with the rest, so a report takes the time of
its longest path instead of the sum of its parts.

Workers are started only from a single-threaded process (the CLI, a sync WSGI worker, a
batch); a threaded server renders in the request's thread.

``SAKIP_REPORT_WORKERS`` sets the number of background processes (default: the number of
cores, at most 4; measured on 2 cores, two chart processes beat one while this process mostly
waits for them); ``0`` does everything in the calling process.
Work is handed over as plain data (numbers, strings, bytes) and comes back as bytes, so a
worker needs no database.
"""

import atexit
import gc
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor

_pool: ProcessPoolExecutor | None = None
_pool_pid: int | None = None


def count() -> int:
    """How many background processes documents may use."""
    configured = os.environ.get("SAKIP_REPORT_WORKERS")
    if configured is not None:
        return max(0, int(configured))
    return min(4, os.cpu_count() or 1)


def _executor() -> ProcessPoolExecutor | None:
    global _pool, _pool_pid
    if count() == 0:
        return None
    if _pool is None or _pool_pid != os.getpid():  # a forked child starts its own pool
        if threading.active_count() > 1:
            # Forking while another thread may hold a lock can hang the child: a threaded
            # server (or a job thread) does the work itself.
            return None
        # fork: the workers start with matplotlib and WeasyPrint already imported, at no cost.
        _pool = ProcessPoolExecutor(max_workers=count(), mp_context=multiprocessing.get_context("fork"))
        _pool_pid = os.getpid()
        # Start the workers now with every existing object frozen: their garbage collector then
        # leaves the inherited heap alone instead of touching (and so copying) all of it.
        gc.freeze()
        try:
            _pool.submit(int).result()
        finally:
            gc.unfreeze()
    return _pool


def submit(fn, /, *args, **kwargs) -> Future:
    """Run ``fn(*args, **kwargs)`` in a background process, or here and now when there is none.

    ``fn`` must be a module-level function and its arguments picklable."""
    pool = _executor()
    if pool is not None:
        return pool.submit(fn, *args, **kwargs)
    done: Future = Future()
    try:
        done.set_result(fn(*args, **kwargs))
    except Exception as e:  # delivered by result(), as from a worker
        done.set_exception(e)
    return done


@atexit.register
def shutdown() -> None:
    global _pool
    if _pool is not None and _pool_pid == os.getpid():
        _pool.shutdown(wait=False, cancel_futures=True)
    _pool = None
