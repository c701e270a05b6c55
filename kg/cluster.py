"""Extraction on a ``dask.distributed`` cluster: ``kg build --scheduler tcp://HOST:8786``.

``extract_on_cluster(articles, scheduler)`` has the contract of
``kg.build.extract_parallel``: it yields one ``Extraction`` per article, in
input order, to the one process that writes the store, so a build on a
cluster gives the same store and exports, byte for byte, as a local one.
The workers only extract; at most ``IN_FLIGHT_PER_WORKER`` articles per
worker are out at once, so a million articles never become a million
futures (or results held in memory) at a time.

Each worker process loads the spaCy pipeline and the data files once (they
are cached per process: ``kg.extract.nlp.load_pipeline``,
``kg.extract.resources.load_resources``) and extracts one article at a time
(a lock, as the pipeline is not meant to be shared between threads): start
workers with ``--nthreads 1`` and as many ``--nworkers`` as cores. Before
anything is written, every worker says which extractor it runs (the rules'
and data files' digests and the pipeline, as recorded in the graph); a
worker with another geokg, other data or no spaCy model fails the build
instead of writing a different graph.

Dask is an optional dependency (``pip install 'geokg[cluster]'``), imported
only here and only when a scheduler is given: ``import kg`` does not import it.
"""
from __future__ import annotations

import gc
import socket
import threading
import time
from collections import deque
from concurrent.futures import CancelledError
from typing import Iterable, Iterator

from .errors import KgError
from .model import Article, Extraction

__all__ = ["ClusterError", "extract_on_cluster", "CONNECT_TIMEOUT", "WORKER_TIMEOUT", "IN_FLIGHT_PER_WORKER"]

# Seconds to reach the scheduler before giving up with a ClusterError.
CONNECT_TIMEOUT = 10
# Seconds to wait for the first worker to join a scheduler that has none.
WORKER_TIMEOUT = 60
# Articles sent to the cluster and not yet written, per worker process.
IN_FLIGHT_PER_WORKER = 4
# How often (seconds) the number of workers is asked again: workers may join or leave during a build.
RECOUNT_EVERY = 5.0

INSTALL_HINT = "pip install 'geokg[cluster]'"


class ClusterError(KgError):
    """The Dask cluster cannot be used: dask missing, scheduler unreachable, no or mismatched workers."""


def extract_on_cluster(articles: Iterable[Article], scheduler: str, *,
                       timeout: float | None = None) -> Iterator[Extraction]:
    """``kg.extract.extract`` of every article on the workers of the Dask scheduler at
    ``scheduler`` (``tcp://HOST:8786``), yielded here in input order.

    Raises ``ClusterError`` when dask is not installed, when the scheduler cannot be
    reached within ``timeout`` seconds (default ``CONNECT_TIMEOUT``), when no worker
    joins within ``WORKER_TIMEOUT`` seconds, or when a worker runs another extractor.
    An exception raised by the extraction of an article on a worker is raised here.
    Nothing is sent (and the scheduler is not contacted) when there is no article.

    >>> [ex.article.name for ex in extract_on_cluster(articles, "tcp://10.0.0.5:8786")]   # doctest: +SKIP
    """
    articles = list(articles)
    if not articles:
        return iter(())
    # connect now, not at the first next(): a build fails before it writes anything
    client = _connect(scheduler, CONNECT_TIMEOUT if timeout is None else timeout)
    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
    except BaseException as e:
        client.close()
        if isinstance(e, TimeoutError):
            raise ClusterError(f"no Dask worker joined the scheduler at {scheduler} within {WORKER_TIMEOUT} s: "
                               f"start some with `dask worker {scheduler}`") from None
        raise
    return _stream(client, articles, scheduler)


def _stream(client, articles: list[Article], scheduler: str) -> Iterator[Extraction]:
    """The extractions of ``articles`` by the client's workers, in input order; closes the client."""
    from distributed import KilledWorker

    from .extract import extractor_id
    pending: deque = deque()
    try:
        workers = client.nthreads()
        # one task per worker, submitted first so that it runs first there: loads the pipeline, names the extractor
        checks = [client.submit(_worker_extractor, pure=False, workers=[w], allow_other_workers=True)
                  for w in workers]
        checked = False
        bound, counted = max(1, len(workers)) * IN_FLIGHT_PER_WORKER, time.monotonic()
        for a in articles:
            pending.append((a, client.submit(_extract, a, pure=False)))
            if time.monotonic() - counted > RECOUNT_EVERY:
                bound, counted = max(1, len(client.nthreads())) * IN_FLIGHT_PER_WORKER, time.monotonic()
            while len(pending) >= bound:
                if not checked:
                    _check_workers(client, checks, extractor_id(), scheduler)
                    checked = True
                yield _result(*pending.popleft(), KilledWorker)
        if not checked:
            _check_workers(client, checks, extractor_id(), scheduler)
        while pending:
            yield _result(*pending.popleft(), KilledWorker)
    except (OSError, CancelledError) as e:   # the scheduler went away (CommClosedError is an OSError)
        reason = " ".join(str(e).split()) or type(e).__name__
        raise ClusterError(f"lost the Dask scheduler at {scheduler}: {reason}") from None
    finally:          # stopped early (an error, or the writer failed): drop what is still out
        for _, f in pending:
            f.cancel()
        pending.clear()
        client.close()


def _connect(scheduler: str, timeout: float):
    """A ``distributed.Client`` of the scheduler, or a one-line ``ClusterError``."""
    try:
        from distributed import Client
        from distributed.comm import parse_address, parse_host_port
    except ImportError:
        raise ClusterError(f"building on a Dask cluster (--scheduler) needs dask.distributed, which is not "
                           f"installed: {INSTALL_HINT}") from None
    try:
        scheme, location = parse_address(scheduler)
        from distributed.comm.registry import backends
        if scheme not in backends:
            # refused before a Client is made: a Client that fails in its constructor is closed by the garbage
            # collector whenever it runs, and that close can deadlock the loop of the next Client being started
            raise ValueError(f"unknown address scheme {scheme!r} (known: {', '.join(sorted(backends))})")
        if scheme in ("tcp", "tls"):
            # a plain socket first: a closed port or an unknown host fails at once, not after
            # the client's retries (whose half-made client also complains once more when collected)
            host, port = parse_host_port(location)
            with socket.create_connection((host, port), timeout=timeout):
                pass
        return Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        gc.collect()        # a half-made Client closes now, while no other Client's loop is starting (see above)
        reason = " ".join(str(e).split()) or type(e).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {reason} "
                           f"(is `dask scheduler` running there?)") from None


def _check_workers(client, checks, expected: str, scheduler: str) -> None:
    """Raise ``ClusterError`` when a worker extracts with other rules, data or pipeline than this process."""
    try:
        found_all = client.gather(checks)
    except ImportError as e:     # unpickling on a worker without geokg
        raise ClusterError(f"a Dask worker cannot run geokg ({e}): {INSTALL_HINT} on every worker") from None
    for address, found in found_all:
        if found != expected:
            raise ClusterError(f"the Dask worker {address} runs extractor {found}, this process {expected}: "
                               f"install the same geokg (and spaCy model) on every worker")


def _result(article: Article, future, killed_worker) -> Extraction:
    try:
        return future.result()
    except killed_worker as e:
        raise ClusterError(f"{article.name}: the Dask workers extracting it died ({e})") from None
    except ImportError as e:     # unpickling on a worker without geokg
        raise ClusterError(f"{article.name}: a Dask worker cannot run geokg ({e}): {INSTALL_HINT} "
                           f"on every worker") from None


# ------------------------------------------------------------------ run on the workers

# One extraction at a time per worker process: the pipeline is loaded once and not shared between threads.
_LOCK = threading.Lock()


def _extract(article: Article) -> Extraction:
    from .extract import extract
    with _LOCK:
        return extract(article)


def _worker_extractor() -> tuple[str, str]:
    """``(worker address, extractor_id())`` of the worker it runs on; loads its pipeline."""
    from distributed import get_worker

    from .extract import extractor_id
    from .extract.resources import load_resources
    with _LOCK:
        load_resources()
        return get_worker().address, extractor_id()
