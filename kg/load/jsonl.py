"""JSON dumps (``.jsonl``, ``.ndjson``, ``.json``): one article per line, or a list of them.

News APIs and scrapers name their fields differently; each article field is
looked up under several common keys (``base.FIELDS``: ``title``,
``text``/``body``/``content``, ``published``/``date``, ``url``,
``publisher``/``source``, ``authors``/``author``), and the user's own keys
come first (``--field text=story``). A dotted key reaches into an object
(``source.name``). A broken line costs only its own article; its name is
``FILE#LINE`` (``#N`` for the N-th item of a list), so it can be found.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Mapping

from .. import config
from ..errors import InputError
from ..model import Article
from .base import (Options, Skipped, author_names, decode, looks_like_html, make_article, parse_date, read_bytes,
                   refuse, strip_html)

__all__ = ["load", "from_record"]


def _get(record: Mapping, key: str):
    value = record
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _first(record: Mapping, keys) -> tuple[str | None, object]:
    for key in keys:
        value = _get(record, key)
        if value not in (None, "", [], {}):
            return key, value
    return None, None


def _string(record: Mapping, keys, source: str, field: str) -> str | None:
    key, value = _first(record, keys)
    if isinstance(value, Mapping):          # {"source": {"id": ..., "name": "Reuters"}}
        value = value.get("name") or value.get("title")
    if value is None:
        return None
    if not isinstance(value, str):
        raise refuse(source, f"'{key}' ({field}) must be a string, not {type(value).__name__}")
    return value


def from_record(record, name: str, source: str, options: Options, encoding: str | None = None,
                media_type: str = "application/jsonl") -> Article:
    """One JSON object -> ``Article``; raises ``InputError`` naming ``source`` when it cannot be one."""
    if not isinstance(record, Mapping):
        raise refuse(source, f"a record must be a JSON object, not {type(record).__name__}")
    f = options.fields
    body = _string(record, f["text"], source, "text")
    if not body or not body.strip():
        raise refuse(source, f"no article text (none of the keys {', '.join(f['text'])})")
    headline = _string(record, f["headline"], source, "headline")
    if looks_like_html(body):
        body = strip_html(body)
    if headline and looks_like_html(headline):
        headline = strip_html(headline)
    key, raw_date = _first(record, f["published"])
    try:
        published = parse_date(raw_date)
    except ValueError:
        raise refuse(source, f"'{key}' is not an ISO or RFC 2822 date: {raw_date!r}") from None
    return make_article(name, source, body, headline,
                        publisher=_string(record, f["publisher"], source, "publisher"), published=published,
                        url=_string(record, f["url"], source, "url"),
                        authors=author_names(_first(record, f["authors"])[1]), encoding=encoding,
                        media_type=media_type)


def _items(path: Path, text: str) -> Iterator[tuple[int, object, str | None]]:
    """``(number, record, error)`` for each line, or each item of a list in a ``.json`` file."""
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped[:1] in ("[", "{"):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as e:
            if stripped[:1] == "[":
                raise refuse(path, f"malformed JSON ({e})") from None
            doc = None                          # maybe JSON lines in a .json file
        if isinstance(doc, list):
            yield from ((n, item, None) for n, item in enumerate(doc, 1))
            return
        if doc is not None:
            yield 0, doc, None                  # a single article
            return
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line), None
        except json.JSONDecodeError as e:
            yield n, None, f"malformed JSON ({e.msg}, column {e.colno})"


def load(path: Path, options: Options) -> Iterator[Article | Skipped]:
    """The loader: every record of the dump; a bad record is skipped, not the file.

    A file without a single good record is one bad file (one line, not one
    per record): most likely some other JSON, such as annotations.
    """
    text, encoding = decode(read_bytes(path, config.MAX_DUMP_BYTES, "a JSON dump"), path)
    media_type = "application/json" if path.suffix.lower() == ".json" else "application/jsonl"
    items: list[Article | Skipped] = []
    for n, record, error in _items(path, text):
        name, source = (f"{path.name}#{n}", f"{path}#{n}") if n else (path.name, str(path))
        if error:
            items.append(Skipped(source, error))
            continue
        try:
            items.append(from_record(record, name, source, options, encoding, media_type))
        except InputError as e:
            items.append(Skipped.of(e, source))
    if not items:
        raise refuse(path, "no records in the dump")
    if all(isinstance(item, Skipped) for item in items):
        first = items[0]
        raise refuse(path, first.reason if len(items) == 1 else
                     f"no article in {len(items)} records (#{first.source.rsplit('#', 1)[-1]}: {first.reason})")
    yield from items
