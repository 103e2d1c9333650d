"""Lay out many diagrams at once: small ones in-process in threads, large ones in killable workers with a timeout.

A diagram whose DOT is over :data:`WORKER_BYTES` goes to a :class:`~opcc_model.render.workers.LayoutPool`
worker (its layout may take seconds: it gets a timeout and Ctrl-C kills it at once); smaller
ones lay out in-process, where they take well under a second. Results come back as each
finishes, so the caller writes and records them one by one: a timed-out diagram fails alone.

>>> results = dict(lay_out_all({"a": "digraph { a }", "b": "digraph { b }"}, "svg", backend="wasm"))
>>> sorted(results), all(isinstance(v, bytes) for v in results.values())
(['a', 'b'], True)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from opcc_model.errors import RenderUnavailable
from opcc_model.render.backend import layout as in_process_layout
from opcc_model.render.bounds import diagram_size
from opcc_model.render.workers import LayoutPool, LayoutTimeout

__all__ = ["WORKER_BYTES", "POOL_COUNT", "lay_out_all", "lay_out_stream"]

WORKER_BYTES = 64 * 1024
"""DOT larger than this is laid out in a worker process (with a timeout) rather than in-process."""
_QUEUED = 4
"""DOT sources queued per worker before the caller's next one is taken."""
POOL_COUNT = 16
"""With the WebAssembly backend, the diagrams after the first this many go to the workers, small ones too.

The WebAssembly Graphviz lays out one diagram at a time in a process (a lock), so a site of
thousands of process maps would use one core; the workers use them all.
"""


def _advice(source: str, exc: LayoutTimeout) -> RenderUnavailable:
    nodes, edges = diagram_size(source)
    return LayoutTimeout(
        f"{exc} ({nodes} nodes, {edges} edges); raise OPCC_LAYOUT_TIMEOUT to wait longer, "
        "or lower OPCC_DIAGRAM_LIMIT so that maps this size are drawn summarised"
    )


def lay_out_all(
    texts: Mapping[str, str],
    fmt: str,
    /,
    *,
    backend: str,
    jobs: int | None = None,
    layout: Callable[..., bytes] = in_process_layout,
) -> Iterator[tuple[str, bytes | RenderUnavailable]]:
    """Yield ``(name, output)`` for each of ``texts`` as its layout finishes; a failure is yielded, not raised.

    ``layout`` is the in-process layout function (tests swap it; a swapped one keeps every small
    diagram in-process, see :data:`POOL_COUNT`). On Ctrl-C the workers
    are killed, the queued layouts cancelled, and :class:`KeyboardInterrupt` propagates.
    """
    big = {name for name, text in texts.items() if len(text) > WORKER_BYTES}
    # the large ones first: they take longest, the small ones fill in around them
    order = [name for name in texts if name in big] + [name for name in texts if name not in big]
    yield from lay_out_stream(((name, texts[name]) for name in order), fmt, backend=backend, jobs=jobs, layout=layout)


def lay_out_stream(
    items: Iterable[tuple[str, str]],
    fmt: str,
    /,
    *,
    backend: str,
    jobs: int | None = None,
    layout: Callable[..., bytes] = in_process_layout,
) -> Iterator[tuple[str, bytes | RenderUnavailable]]:
    """As :func:`lay_out_all`, each ``(name, DOT)`` of ``items`` queued as soon as it is made.

    The caller's making of the next DOT (in this thread) overlaps the layouts of the ones
    before it; each result is yielded as soon as it is ready, and the next item is taken
    only while fewer than a few per worker wait, so neither the DOT nor the results pile up.

    >>> sorted(name for name, _ in lay_out_stream(iter([("a", "digraph { a }")]), "svg", backend="wasm"))
    ['a']
    """
    workers = max(1, jobs or os.cpu_count() or 1)
    spread = backend == "wasm" and workers > 1 and layout is in_process_layout
    pool = LayoutPool(jobs=workers)  # starts a worker only when one is first needed

    def job(text: str, index: int) -> bytes:
        if (spread and index >= POOL_COUNT) or len(text) > WORKER_BYTES:
            try:
                return pool.layout(text, fmt, backend=backend)
            except LayoutTimeout as exc:
                raise _advice(text, exc) from None
        return layout(text, fmt, backend=backend)

    executor = ThreadPoolExecutor(max_workers=workers)
    names: dict[Future[bytes], str] = {}

    def finished(block: bool) -> Iterator[tuple[str, bytes | RenderUnavailable]]:
        done, _ = wait(names, timeout=None if block else 0, return_when=FIRST_COMPLETED)
        for future in sorted(done, key=lambda f: names[f]):
            name = names.pop(future)
            try:
                yield name, future.result()
            except RenderUnavailable as exc:
                yield name, exc

    try:
        for index, (name, text) in enumerate(items):
            names[executor.submit(job, text, index)] = name
            # each result handed on as it comes; at most a few DOT sources wait (a national site has 3,500)
            yield from finished(block=len(names) >= _QUEUED * workers)
        while names:
            yield from finished(block=True)
    except BaseException:
        pool.close()
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        pool.close()
