"""Feeds saved to disk (``.xml``, ``.rss``, ``.atom``): one article per entry, by feedparser.

An entry's text is its full content where the feed carries it, else its
summary, with the HTML taken out; the publisher is the entry's source or
the feed's title. The file is parsed from its bytes, so nothing is fetched.
An entry is named ``FILE#N`` (the N-th entry of the file).
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Iterator
from xml.sax import SAXException

from .. import config
from ..errors import InputError
from ..model import Article
from .base import Options, Skipped, author_names, make_article, read_bytes, refuse, strip_html

__all__ = ["load"]


def _line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return date(t.tm_year, t.tm_mon, t.tm_mday)
            except ValueError:
                continue
    return None


def _text(entry) -> str:
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    html = max(contents, key=len) if any(contents) else entry.get("summary") or ""
    return strip_html(html)


_RSS_AUTHOR = re.compile(r"^\s*[^\s@()]+@[^\s()]+\s*\((?P<name>[^()]+)\)\s*$")


def _authors(entry) -> tuple[str, ...]:
    """Atom's author names, or the name in RSS's "email (Name)" (which feedparser may cut wrongly)."""
    author = entry.get("author") or ""
    if "@" in author:
        m = _RSS_AUTHOR.match(author)
        return (m["name"].strip(),) if m else ()
    return author_names(entry.get("authors")) or author_names(author)


def load(path: Path, options: Options) -> Iterator[Article | Skipped]:
    """The loader: every entry of the feed; an entry without text is skipped, not the file."""
    raw = read_bytes(path, config.MAX_DUMP_BYTES, "a feed")
    import feedparser   # slow import: only when a feed is read
    feed = feedparser.parse(raw)        # bytes, never a URL: nothing is fetched
    if not feed.entries:
        problem = feed.get("bozo_exception")
        why = f" ({_line(problem)})" if problem else ""
        raise refuse(path, ("not an RSS or Atom feed" if problem or not feed.version else "a feed with no entries")
                     + why)
    malformed = isinstance(feed.get("bozo_exception"), SAXException)
    if malformed:                                   # not well-formed: what came before the error is kept
        yield Skipped(str(path), f"malformed feed ({_line(feed.bozo_exception)}); entries after the error are lost")
    title = strip_html(feed.feed.get("title") or "") or None
    media_type = "application/atom+xml" if (feed.version or "").startswith("atom") else "application/rss+xml"
    encoding = feed.get("encoding") or None
    for n, entry in enumerate(feed.entries, 1):
        source = f"{path}#{n}"
        body = _text(entry)
        if not body:
            if not malformed:                       # else the entry the error cut off, already reported
                yield Skipped(source, "entry with neither content nor summary")
            continue
        publisher = strip_html((entry.get("source") or {}).get("title") or "") or title
        authors = _authors(entry)
        try:
            yield make_article(f"{path.name}#{n}", source, body, strip_html(entry.get("title") or ""),
                               publisher=publisher, published=_date(entry), url=entry.get("link"),
                               authors=authors, encoding=encoding, media_type=media_type)
        except InputError as e:
            yield Skipped.of(e, source)
