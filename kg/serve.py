"""A read-only SPARQL 1.1 Protocol endpoint: Oxigraph's own server over a snapshot of the store.

Why a snapshot: our queries read the stored union graph as their default
graph (see ``kg.store``), and the server cannot be told to use a named graph
as its default. Its ``--union-default-graph`` would merge every graph, our
union copy included, so each triple would match once per graph holding it
and non-DISTINCT queries and plain COUNTs would multiply. The snapshot is a
separate store whose default graph *is* the union and whose named graphs are
the article graphs: the exact dataset ``Store.query`` queries, so library
queries answer over HTTP as ``kg query`` does. It also keeps the server off
the live store: ``oxigraph serve-read-only`` may open a folder that another
process writes, but Oxigraph calls that undefined behaviour. The cost is one
copy of the data (temporary unless ``data_dir`` is given); restart to see new
articles.

The server is read-only by construction (``serve-read-only``: updates get
403), answers with a timeout (``--timeout-s``) but no row limit, and serves a
YASGUI query page at its root.
"""
from __future__ import annotations

import itertools
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.request
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import KgError, StoreError
from .store import Store

__all__ = ["Server", "serve", "write_snapshot", "oxigraph_binary", "wait_forever"]


def oxigraph_binary() -> str:
    """The ``oxigraph`` CLI installed with this Python (the PyPI ``oxigraph`` package), else on PATH."""
    name = "oxigraph.exe" if sys.platform == "win32" else "oxigraph"
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        if folder and (Path(folder) / name).is_file():
            return str(Path(folder) / name)
    found = shutil.which("oxigraph")
    if found is None:
        raise KgError("the Oxigraph server is not installed: pip install oxigraph==0.5.13")
    return found


def write_snapshot(store: Store, folder: str | Path) -> int:
    """Copy ``store`` into a new store at ``folder``: the union as default graph, article graphs as named graphs.

    Returns the number of quads written. ``folder`` must be absent or empty,
    so that a stale snapshot is never served half-merged with a new one.
    """
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise StoreError(f"cannot write the server's snapshot into {folder}: the folder is not empty")
    default = (ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in store.union_triples())
    named = (q for q in store.quads() if isinstance(q.graph_name, ox.NamedNode))
    quads = list(itertools.chain(default, named))
    try:
        snap = ox.Store(str(folder))
        snap.bulk_extend(quads)
        snap.flush()
    except OSError as e:
        raise StoreError(f"cannot write the server's snapshot into {folder}: {e}") from None
    del snap                                       # close it: the server opens the folder next
    return len(quads)


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _stop(process: subprocess.Popen, temp_dir: str | None) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if temp_dir is not None:
        shutil.rmtree(temp_dir, ignore_errors=True)


@dataclass
class Server:
    """A running endpoint: ``url`` (query page), ``query_url`` (SPARQL), ``stop()``; also a context manager.

    ``stop()`` removes the temporary folder (log, and the snapshot unless
    ``data_dir`` was given).
    """
    url: str
    data_dir: Path
    process: subprocess.Popen = field(repr=False)
    quads: int = 0
    _temp_dir: str | None = field(default=None, repr=False)

    def __post_init__(self):
        # a handle dropped without stop() must not leave a server (and its copy) behind
        self._finalizer = weakref.finalize(self, _stop, self.process, self._temp_dir)

    @property
    def query_url(self) -> str:
        return self.url + "query"

    @property
    def update_url(self) -> str:
        return self.url + "update"

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        self._finalizer()

    def wait(self) -> int:
        return self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def _ready(url: str, log: Path) -> bool:
    """Ours and answering: the log says it bound the port (else another server may be answering there)."""
    try:
        if "Listening for requests" not in log.read_text(encoding="utf-8", errors="replace"):
            return False
        with urllib.request.urlopen(url + "query?query=ASK%7B%7D", timeout=2) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


def serve(store: Store, host: str = "127.0.0.1", port: int = 7878, timeout_s: float = 30,
          data_dir: str | Path | None = None, ready_timeout_s: float = 30) -> Server:
    """Start ``oxigraph serve-read-only`` on a snapshot of ``store`` and return once it answers.

    ``port=0`` picks a free port. ``timeout_s`` bounds each query's
    evaluation. The snapshot goes to ``data_dir`` (kept) or a temporary
    folder (removed by ``stop()``).
    """
    binary = oxigraph_binary()
    temp_dir = tempfile.mkdtemp(prefix="geokg-serve-")       # the log, and the snapshot unless data_dir
    log = Path(temp_dir) / "server.log"
    data_dir = Path(data_dir) if data_dir is not None else Path(temp_dir) / "store"
    try:
        n = write_snapshot(store, data_dir)
        port = port or _free_port(host)
        netloc = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        url = f"http://{netloc}/"
        cmd = [binary, "serve-read-only", "--location", str(data_dir), "--bind", netloc,
               "--timeout-s", str(max(1, round(timeout_s)))]
        with open(log, "wb") as out:
            process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    except BaseException:
        shutil.rmtree(temp_dir, ignore_errors=True)
        raise
    server = Server(url, data_dir, process, n, temp_dir)
    deadline = time.monotonic() + ready_timeout_s
    while not _ready(url, log):
        if not server.running or time.monotonic() > deadline:
            message = next((line.strip() for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
                            if line.strip()), "no answer")
            server.stop()
            raise KgError(f"the SPARQL server did not start on {netloc}: {message}")
        time.sleep(0.05)
    return server


def wait_forever(server: Server) -> int | None:
    """Block until the server exits (its status) or Ctrl-C / SIGTERM (None); then stop it and remove its copy."""
    def _term(signum, frame):
        raise KeyboardInterrupt
    try:
        previous = signal.signal(signal.SIGTERM, _term)
    except ValueError:                  # not the main thread: Ctrl-C only
        previous = None
    try:
        return server.wait()
    except KeyboardInterrupt:
        return None
    finally:
        server.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
