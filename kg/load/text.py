"""Plain-text articles: headline on the first line, body after it, and an optional sidecar.

The sidecar ``NAME.meta.json`` gives ``publisher``, ``published`` (ISO
date), ``url`` and ``authors``; where it is missing, the byline ("By A and
B, CNN") and dateline ("(CNN) —") in the text fill in what they can.
Offsets index into the text exactly as ``Path.read_text(encoding=...)``
returns it (universal newlines), so any reader of the file finds the same
quote; text in another encoding is decoded and the encoding recorded.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Iterator

from .. import config
from ..model import Article
from .base import Options, byline, decode, read_bytes, refuse, split_headline

__all__ = ["load", "load_article", "read_meta"]


def read_meta(path: Path) -> dict:
    """The sidecar of ``path`` as checked values (``{}`` without one); refuses a malformed one."""
    meta_path = path.with_name(path.name[: -len(path.suffix)] + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise refuse(meta_path, f"malformed metadata ({e})") from None
    if not isinstance(meta, dict):
        raise refuse(meta_path, "metadata must be a JSON object")
    for key in ("publisher", "published", "url"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise refuse(meta_path, f"'{key}' must be a string")
    authors = meta.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise refuse(meta_path, "'authors' must be a list of strings")
    meta["authors"] = authors
    if meta.get("published"):
        try:
            meta["published"] = date.fromisoformat(meta["published"][:10])
        except ValueError:
            raise refuse(meta_path, f"'published' is not an ISO date: {meta['published']!r}") from None
    return meta


def load_article(path: str | Path) -> Article:
    """Read one text file (and its sidecar) into an ``Article``.

    Raises ``InputError`` with a one-line reason for a missing, empty, binary,
    huge or undecodable file and for malformed metadata.
    """
    path = Path(path)
    text, encoding = decode(read_bytes(path, config.MAX_ARTICLE_BYTES), path)
    if not text.strip():
        raise refuse(path, "empty article")
    meta = read_meta(path)
    headline, body_start = split_headline(text)
    found_authors, found_publisher = byline(text)
    authors = tuple(meta.get("authors") or ()) or tuple(found_authors)
    return Article(name=path.name, text=text, headline=headline, body_start=body_start,
                   publisher=meta.get("publisher") or found_publisher, published=meta.get("published"),
                   url=meta.get("url"), authors=authors, encoding=encoding, media_type="text/plain")


def load(path: Path, options: Options) -> Iterator[Article]:
    """The loader: one file, one article."""
    yield load_article(path)
