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
403), answers with a timeout (``--timeout-s``), and serves a YASGUI query
page at its root. It has no result limit, and once an answer streams it can
only report a timeout by appending text to a body sent as 200. So clients
talk to a thin front (``_Front``, standard library HTTP server) that relays
each request to Oxigraph on a private loopback port, parses the answer as it
streams (pyoxigraph's parsers; Python's csv for CSV) and either relays it
whole or, past ``max_results`` rows or triples, or cut by an error, drops it
and answers a one-line error with a proper status. Memory stays bounded by
the limit: nothing past row ``max_results + 1`` is read.
"""
from __future__ import annotations

import csv
import http.client
import http.server
import io
import itertools
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
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
    """Copy ``store`` into a new store at ``folder``: the union as default graph, article graphs as named graphs
    as stored (a source's triples in the union alone, as ``kg query`` sees them).

    Returns the number of quads written. ``folder`` must be absent or empty,
    so that a stale snapshot is never served half-merged with a new one.
    """
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise StoreError(f"cannot write the server's snapshot into {folder}: the folder is not empty")
    default = (ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in store.union_triples())
    named = store.stored_named_quads()          # as ``kg query`` reaches them with GRAPH
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


def _stop(front: "_Front | None", process: subprocess.Popen, temp_dir: str | None) -> None:
    if front is not None:
        front.stop()
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if temp_dir is not None:
        shutil.rmtree(temp_dir, ignore_errors=True)


# ------------------------------------------------------------------ the front: result limit and clean errors

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "te", "trailer", "upgrade",
               "proxy-authenticate", "proxy-authorization", "server", "date"}


class _Recorder(io.RawIOBase):
    """A readable view of the upstream answer that keeps every byte read, to relay once it is judged."""

    def __init__(self, response: http.client.HTTPResponse):
        self.response = response
        self.chunks: list[bytes] = []

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.response.read(len(buffer))
        buffer[:len(data)] = data
        self.chunks.append(data)
        return len(data)

    def body(self) -> bytes:
        return b"".join(self.chunks)


class _Broken(Exception):
    """The answer stopped in the middle: Oxigraph appended an error (a timeout) to a body already sent as 200."""


def _count_items(stream: _Recorder, media_type: str, limit: int) -> int | None:
    """Rows (or triples) in the answer, reading no further than ``limit + 1``; None: not a result document.

    Raises ``_Broken`` where the document does not parse to its end.
    """
    rdf = ox.RdfFormat.from_media_type(media_type)
    results = None if rdf is not None else ox.QueryResultsFormat.from_media_type(media_type)
    if rdf is None and results is None:
        return None
    try:
        if rdf is not None:
            items = ox.parse(stream, format=rdf)
        elif results == ox.QueryResultsFormat.CSV:         # lossy, so pyoxigraph does not parse it
            items = itertools.islice(csv.reader(io.TextIOWrapper(io.BufferedReader(stream), encoding="utf-8",
                                                                 newline="")), 1, None)
        else:
            items = ox.parse_query_results(stream, format=results)
            if isinstance(items, ox.QueryBoolean):
                return 1
        n = 0
        for _ in items:
            n += 1
            if n > limit:
                return n
    except (SyntaxError, ValueError, UnicodeDecodeError, csv.Error) as e:
        raise _Broken(str(e)) from None
    if results == ox.QueryResultsFormat.CSV and not stream.body().endswith(b"\r\n"):
        raise _Broken("the CSV ends in the middle of a row")      # every row, the header too, ends with CRLF
    return n


def _upstream_message(body: bytes) -> str:
    """The error text Oxigraph appended: the last line of what it sent, cut short."""
    tail = body[-2000:].decode("utf-8", errors="replace").strip().splitlines()
    return (tail[-1] if tail else "no answer")[-300:]


def _front_handler(upstream: tuple[str, int], max_results: int, timeout_s: float):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "geokg"

        def log_message(self, format, *args):          # quiet: the CLI prints the endpoint, not each request
            pass

        def _reply(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _error(self, status: int, message: str) -> None:
            self._reply(status, [("Content-Type", "text/plain; charset=utf-8")], (message + "\n").encode("utf-8"))

        def _relay(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request_body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP | {"host"}}
            connection = http.client.HTTPConnection(*upstream, timeout=timeout_s + 30)
            try:
                try:
                    connection.request(self.command, self.path, body=request_body, headers=headers)
                    response = connection.getresponse()
                except OSError as e:
                    return self._error(502, f"the SPARQL engine did not answer: {e}")
                relayed = [(k, v) for k, v in response.getheaders() if k.lower() not in _HOP_BY_HOP]
                stream = _Recorder(response)
                if response.status == 200 and max_results:
                    try:
                        n = _count_items(stream, response.headers.get_content_type(), max_results)
                    except _Broken:
                        message = _upstream_message(stream.body())
                        if "cancelled" in message or "timeout" in message.lower():
                            return self._error(504, f"the query ran past the {timeout_s:g} s limit "
                                                    f"(kg serve --timeout): {message}")
                        return self._error(502, f"the query failed while its results were written: {message}")
                    if n is not None and n > max_results:
                        return self._error(400, f"the query has more than {max_results} results, the limit of "
                                                f"this endpoint (kg serve --max-results); add LIMIT and OFFSET "
                                                f"to page through them")
                body = stream.body() + response.read()
                self._reply(response.status, relayed, body)
            finally:
                connection.close()

        def _handle(self) -> None:
            try:
                self._relay()
            except (BrokenPipeError, ConnectionResetError):
                pass                                    # the client left

        do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = _handle

    return Handler


class _Front(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, port: int, handler):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host, port), handler)

    _started = False

    def start(self) -> None:
        self._started = True
        threading.Thread(target=self.serve_forever, name="geokg-serve-front", daemon=True).start()

    def stop(self) -> None:
        if self._started:                   # shutdown() waits for serve_forever(), forever if it never ran
            self.shutdown()
        self.server_close()


@dataclass
class Server:
    """A running endpoint: ``url`` (query page), ``query_url`` (SPARQL), ``stop()``; also a context manager.

    ``stop()`` removes the temporary folder (log, and the snapshot unless
    ``data_dir`` was given). ``engine_url`` is Oxigraph itself, on a private
    loopback port, without the front's limit.
    """
    url: str
    data_dir: Path
    process: subprocess.Popen = field(repr=False)
    quads: int = 0
    max_results: int = 0
    engine_url: str = ""
    _temp_dir: str | None = field(default=None, repr=False)
    _front: _Front | None = field(default=None, repr=False)

    def __post_init__(self):
        # a handle dropped without stop() must not leave a server (and its copy) behind
        self._finalizer = weakref.finalize(self, _stop, self._front, self.process, self._temp_dir)

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
          max_results: int = 10_000, data_dir: str | Path | None = None, ready_timeout_s: float = 30) -> Server:
    """Start ``oxigraph serve-read-only`` on a snapshot of ``store`` behind the front; return once it answers.

    ``port=0`` picks a free port. ``timeout_s`` bounds each query's
    evaluation; ``max_results`` the rows (or triples) of an answer, 0 for no
    limit. The snapshot goes to ``data_dir`` (kept) or a temporary folder
    (removed by ``stop()``).
    """
    if getattr(store, "query_url", None):          # a kg.remote.RemoteStore: already a SPARQL server
        raise KgError(f"kg serve serves a local store; {store.url} is a SPARQL server already: "
                      f"query it there, or with kg query --store {store.url}")
    binary = oxigraph_binary()
    netloc = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:                                          # the public port first: a busy one fails before any copying
        front_server = _Front(host, port, None)
    except OSError as e:
        raise KgError(f"the SPARQL server did not start on {netloc}: {e.strerror or e}") from None
    temp_dir = tempfile.mkdtemp(prefix="geokg-serve-")       # the log, and the snapshot unless data_dir
    log = Path(temp_dir) / "server.log"
    data_dir = Path(data_dir) if data_dir is not None else Path(temp_dir) / "store"
    try:
        n = write_snapshot(store, data_dir)
        engine = ("127.0.0.1", _free_port("127.0.0.1"))
        engine_url = f"http://{engine[0]}:{engine[1]}/"
        cmd = [binary, "serve-read-only", "--location", str(data_dir), "--bind", f"{engine[0]}:{engine[1]}",
               "--timeout-s", str(max(1, round(timeout_s)))]
        with open(log, "wb") as out:
            process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    except BaseException:
        front_server.server_close()
        shutil.rmtree(temp_dir, ignore_errors=True)
        raise
    bound_host, bound_port = front_server.server_address[:2]
    netloc = f"[{bound_host}]:{bound_port}" if ":" in host else f"{bound_host}:{bound_port}"
    url = f"http://{netloc}/"
    front_server.RequestHandlerClass = _front_handler(engine, max_results, timeout_s)
    server = Server(url, data_dir, process, n, max_results, engine_url, temp_dir, front_server)
    deadline = time.monotonic() + ready_timeout_s
    while not _ready(engine_url, log):
        if not server.running or time.monotonic() > deadline:
            message = next((line.strip() for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
                            if line.strip()), "no answer")
            server.stop()
            raise KgError(f"the SPARQL server did not start on {netloc}: {message}")
        time.sleep(0.05)
    front_server.start()
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
