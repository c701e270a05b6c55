"""Loading article files into ``Article`` records (the first stage).

An article is a UTF-8 ``.txt`` file: headline on the first line, body after
it. An optional sidecar ``NAME.meta.json`` gives ``publisher``, ``published``
(ISO date), ``url`` and ``authors``; where it is missing, the byline ("By A
and B, CNN") and dateline ("(CNN) —") in the text fill in what they can.
Offsets everywhere index into the text exactly as ``Path.read_text`` returns
it (universal newlines), so any reader of the file finds the same quote.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from . import config
from .errors import InputError
from .model import Article

__all__ = ["load_article", "find_article_files", "load_articles"]

_BYLINE = re.compile(r"^By (?P<names>[^\n]{3,200}?)(?:,\s*(?P<pub>[A-Z][\w .&-]{1,40}))?\s*$", re.M)
_DATELINE = re.compile(r"^\s*\((?P<pub>[A-Z][A-Za-z .&-]{1,30})\)\s*[—–-]", re.M)
# The place (and date, agency) that opens a wire story: "TAIPEI (Reuters) - ", "KYIV, Ukraine (AP) — ",
# "Brussels, 12 June (AFP) - ", "WASHINGTON — ". Not part of any sentence.
_DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:[ ,]+[\w.'’-]+){0,5}\s*)?\([A-Z][A-Za-z .&/-]{1,30}\)\s*[—–-]{1,2}\s*"
    r"|^[A-Z]{2,}[A-Z .'’-]*(?:,\s*[A-Z][A-Za-z .]{1,30})?\s*(?:[—–]{1,2}|\s--)\s+")


def dateline_end(paragraph: str) -> int:
    """Length of the dateline that opens ``paragraph`` ("TAIPEI (Reuters) - "), 0 if there is none."""
    m = _DATELINE_PREFIX.match(paragraph)
    return m.end() if m else 0


def _decode(path: Path, raw: bytes) -> str:
    if not raw.strip():
        raise InputError(f"{path}: empty article")
    if len(raw) > config.MAX_ARTICLE_BYTES:
        raise InputError(f"{path}: {len(raw):,} bytes is too large for an article "
                         f"(limit {config.MAX_ARTICLE_BYTES:,})")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: binary file, not an article text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (invalid byte at offset {e.start}); "
                         "convert it with iconv first") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_meta(path: Path) -> dict:
    meta_path = path.with_name(path.name[: -len(path.suffix)] + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{meta_path}: malformed metadata ({e})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{meta_path}: metadata must be a JSON object")
    for key in ("publisher", "published", "url"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise InputError(f"{meta_path}: '{key}' must be a string")
    authors = meta.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise InputError(f"{meta_path}: 'authors' must be a list of strings")
    meta["authors"] = authors
    if meta.get("published"):
        try:
            meta["published"] = date.fromisoformat(meta["published"][:10])
        except ValueError:
            raise InputError(f"{meta_path}: 'published' is not an ISO date: {meta['published']!r}") from None
    return meta


_NAME = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:de|da|van|von|der|al|bin|el|la|le|[A-ZÀ-Þ][\w'’.-]*)){1,4}$")


def _split_names(names: str) -> list[str]:
    """Byline names, or none when the line is prose ('By Tuesday, Russian troops had ...')."""
    parts = [n.strip() for n in re.split(r",\s*|\s+and\s+", names) if n.strip()]
    return parts if parts and all(_NAME.match(p) for p in parts) else []


def load_article(path: str | Path) -> Article:
    """Read one article file (and its sidecar) into an ``Article``.

    Raises ``InputError`` with a one-line reason for empty, binary, huge or
    non-UTF-8 files and malformed metadata.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    text = _decode(path, raw)
    meta = _read_meta(path)
    lead = len(text) - len(text.lstrip())
    first_end = text.find("\n", lead)
    first_end = len(text) if first_end < 0 else first_end
    headline = text[lead:first_end].strip()
    authors, publisher = list(meta.get("authors") or []), meta.get("publisher")
    head = text[: min(len(text), 2000)]
    if (m := _BYLINE.search(head)) and _split_names(m["names"]):
        if not authors:
            authors = _split_names(m["names"])
        publisher = publisher or (m["pub"] or None)
    if not publisher and (m := _DATELINE.search(head)):
        publisher = m["pub"]
    return Article(name=path.name, text=text, headline=headline, body_start=first_end,
                   publisher=publisher, published=meta.get("published"), url=meta.get("url"),
                   authors=tuple(authors))


def find_article_files(paths) -> list[Path]:
    """Expand files and folders into a sorted list of ``.txt`` article files."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            # hidden folders (.venv, .git) and installed packages hold .txt files that are not news
            files.extend(sorted(x for x in p.rglob("*.txt") if x.is_file() and not any(
                part.startswith(".") or part in ("site-packages", "node_modules", "__pycache__")
                for part in x.relative_to(p).parts[:-1])))
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    if not files:
        raise InputError("no article files (.txt) found in " + ", ".join(map(str, paths)))
    return files


def load_articles(paths) -> list[Article]:
    """Load every article under ``paths``; fails before anything is stored."""
    return [load_article(f) for f in find_article_files(paths)]
