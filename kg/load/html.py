"""Saved web pages (``.html``, ``.htm``): the article's main text and metadata, by trafilatura.

A saved page is mostly navigation, teasers, comments and footers; trafilatura
keeps the main text (comments left out) and reads the headline, site name,
authors, date and canonical URL from the page's markup. It never fetches
anything. Dates are taken only where the page states them (no guessing from
copyright lines or URLs).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .. import config
from ..model import Article
from .base import Options, author_names, decode, make_article, parse_date, read_bytes, refuse

__all__ = ["load", "from_html"]

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)


def _declared_charset(raw: bytes) -> str | None:
    m = _META_CHARSET.search(raw[:8192])
    return m[1].decode("ascii", "replace") if m else None


def from_html(raw: bytes, name: str, source: str | Path, url: str | None = None,
              charset: str | None = None) -> Article:
    """One page's bytes -> ``Article``; ``charset`` is what an HTTP header declared, if anything.

    Raises ``InputError`` when the page cannot be decoded or holds no article text.
    """
    text, encoding = decode(raw, source, charset or _declared_charset(raw))
    import trafilatura   # slow import: only when a page is read
    try:
        doc = trafilatura.bare_extraction(
            text, url=url, with_metadata=True, include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as e:   # noqa: BLE001 - trafilatura's parsers fail in many ways on malformed pages
        raise refuse(source, f"cannot parse the page ({type(e).__name__}: {e})") from None
    if doc is None or not (doc.text or "").strip():
        raise refuse(source, "no article text found in the page")
    try:
        published = parse_date(doc.date)
    except ValueError:
        published = None
    return make_article(name, source, doc.text, doc.title, publisher=doc.sitename or None, published=published,
                        url=doc.url or url, authors=author_names(doc.author), encoding=encoding,
                        media_type="text/html")


def load(path: Path, options: Options) -> Iterator[Article]:
    """The loader: one saved page, one article."""
    yield from_html(read_bytes(path, config.MAX_PAGE_BYTES, "a web page"), path.name, path)
