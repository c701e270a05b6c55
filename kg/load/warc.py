"""Web crawls (``.warc``, ``.warc.gz``): every HTML page the crawl fetched, through the HTML loader.

Only successful (HTTP 200) ``text/html`` responses are pages; requests,
metadata, redirects, images and scripts are no articles and are passed over.
The file is streamed record by record, so a crawl of any size can be read.
A page is named ``FILE#N`` (the N-th record of the file); a broken page costs
only itself, a broken stretch of the file only the rest of the file.
"""
from __future__ import annotations

import gzip
import io
from contextlib import redirect_stderr
from pathlib import Path
from typing import Iterator

from .. import config
from ..errors import InputError
from ..model import Article
from .base import Options, Skipped, refuse
from .html import from_html

__all__ = ["load"]


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("'\"")
    return None


def _head(path: Path) -> bytes:
    """The first bytes of the (ungzipped) file: a WARC starts with ``WARC/``."""
    with path.open("rb") as f:
        gzipped = f.read(2) == b"\x1f\x8b"
    with (gzip.open(path, "rb") if gzipped else path.open("rb")) as f:
        return f.read(5)


def load(path: Path, options: Options) -> Iterator[Article | Skipped]:
    """The loader: every HTML page of the crawl."""
    from warcio.archiveiterator import ArchiveIterator   # slow import: only when a crawl is read
    from warcio.exceptions import ArchiveLoadFailed
    try:
        if path.stat().st_size == 0:
            raise refuse(path, "empty file")
        head = _head(path)
    except (OSError, EOFError) as e:
        raise refuse(path, f"not a WARC file ({getattr(e, 'strerror', None) or e})") from None
    if head != b"WARC/":
        raise refuse(path, f"not a WARC file (it starts with {head!r}, not b'WARC/')")
    pages, n, warnings = 0, 0, io.StringIO()
    with path.open("rb") as f:
        records = iter(ArchiveIterator(f))
        while True:
            try:
                with redirect_stderr(warnings):        # warcio writes its warnings to stderr itself
                    record = next(records, None)
                    if record is None:
                        break
                    n += 1
                    page = _page(record)
            except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
                reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                yield Skipped(str(path), f"malformed WARC after record {n}, the rest is left out ({reason})")
                return
            if page is None:
                continue
            pages += 1
            raw, url, charset = page
            source = f"{path}#{n}"
            if len(raw) > config.MAX_PAGE_BYTES:
                yield Skipped(source, f"page too large (limit {config.MAX_PAGE_BYTES:,} bytes)")
                continue
            try:
                yield from_html(raw, f"{path.name}#{n}", source, url=url, charset=charset)
            except InputError as e:
                yield Skipped.of(e, source)
    if warnings.getvalue():
        yield Skipped(str(path), "malformed WARC (a record's Content-Length is wrong); the pages around it "
                                 "may be cut")
    if not pages:
        raise refuse(path, "no HTML pages (HTTP 200 text/html responses) in the crawl")


def _page(record) -> tuple[bytes, str | None, str | None] | None:
    """``(body, url, charset)`` of a successful HTML response, ``None`` for any other record."""
    http = record.http_headers
    if record.rec_type != "response" or http is None or http.get_statuscode() != "200":
        return None
    content_type = http.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    raw = record.content_stream().read(config.MAX_PAGE_BYTES + 1)
    return raw, record.rec_headers.get_header("WARC-Target-URI"), _charset(content_type)
