"""What every loader shares: reading within limits, decoding any encoding, building the ``Article``.

Loaders differ in where the headline, body and metadata come from; the rest
is here so that every format refuses bad input the same way, with the same
one-line reasons, and lays out the text the same way (headline, a blank
line, the body) for the extractor.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Mapping

from .. import config
from ..errors import InputError
from ..model import Article

__all__ = ["Skipped", "Options", "FIELDS", "refuse", "read_bytes", "decode", "make_article", "split_headline", "byline",
           "parse_date", "author_names", "strip_html", "looks_like_html", "dateline_end"]


@dataclass(frozen=True)
class Skipped:
    """One input left out of a build: which (a file, or ``file#record``) and why."""
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    @classmethod
    def of(cls, error: InputError, source: str | Path | None = None) -> "Skipped":
        if error.source is not None:
            return cls(error.source, error.reason or str(error))
        return cls(str(source or "?"), str(error))


def refuse(source: str | Path, reason: str) -> InputError:
    """The ``InputError`` for an input that cannot be an article: ``"SOURCE: reason"``, one line."""
    reason = " ".join(reason.split())
    return InputError(f"{source}: {reason}", str(source), reason)


# ---------------------------------------------------------------- options

# Article field -> the keys a JSON record may hold it under, tried in order (a dotted key
# reaches into an object: "source.name"). ``Options`` puts the user's own keys first.
FIELDS: dict[str, tuple[str, ...]] = {
    "headline": ("title", "headline"),
    "text": ("text", "body", "content", "maintext"),
    "published": ("published", "date", "published_at", "publishedAt", "date_publish", "pubDate"),
    "url": ("url", "link"),
    "publisher": ("publisher", "source", "source_domain", "site_name"),
    "authors": ("authors", "author", "byline"),
}


@dataclass(frozen=True)
class Options:
    """Settings a loader may use; ``fields`` maps an article field to JSON keys (see ``FIELDS``)."""
    fields: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(FIELDS))

    @classmethod
    def of(cls, fields: Mapping[str, str | list[str] | tuple[str, ...]] | None = None) -> "Options":
        merged = dict(FIELDS)
        for name, keys in (fields or {}).items():
            if name not in FIELDS:
                raise InputError(f"unknown article field {name!r} (one of {', '.join(FIELDS)})")
            keys = (keys,) if isinstance(keys, str) else tuple(keys)
            merged[name] = keys + tuple(k for k in FIELDS[name] if k not in keys)
        return cls(merged)


# ---------------------------------------------------------------- bytes and encodings

def read_bytes(path: Path, limit: int, what: str = "an article") -> bytes:
    """The file's bytes; refuses a missing, unreadable, oversized (checked before reading) or empty file."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise refuse(path, f"{size:,} bytes is too large for {what} (limit {limit:,})")
        raw = path.read_bytes()
    except OSError as e:
        raise refuse(path, f"cannot read ({e.strerror})") from None
    if not raw.strip():
        raise refuse(path, "empty article" if what == "an article" else "empty file")
    return raw


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Of several encodings that give the same text, the one to name: the commonest first.
_PREFERRED = ("utf_8", "cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250", "iso8859_2", "shift_jis", "gb18030")
# Python's codec names -> the names a browser or an HTTP header uses.
_IANA = {"cp1250": "windows-1250", "cp1251": "windows-1251", "cp1252": "windows-1252",
         "cp1253": "windows-1253", "cp1254": "windows-1254", "cp1255": "windows-1255",
         "cp1256": "windows-1256", "cp1257": "windows-1257", "cp1258": "windows-1258",
         "latin-1": "iso-8859-1", "iso8859-1": "iso-8859-1"}


def _name(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    if name.startswith("iso8859-"):
        return "iso-8859-" + name[len("iso8859-"):]
    return _IANA.get(name, name)


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: mostly Latin text has a NUL in every other byte."""
    head = raw[:4096]
    if len(head) < 8:
        return None
    for enc, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= 0.7 * len(zeros):
            return enc
    return None


def _detect(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes   # slow import: only for text that is not UTF-8
    best = from_bytes(raw).best()
    if best is None:
        return None
    same = [codecs.lookup(e).name for e in best.could_be_from_charset]
    for enc in _PREFERRED:
        if codecs.lookup(enc).name in same:
            return enc
    return best.encoding


def _usable(declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip().strip("'\"")).name
    except LookupError:
        return None
    # as browsers do (WHATWG Encoding): a page that says Latin-1 or ASCII means windows-1252
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


# the control characters (Unicode category Cc: U+0000-001F, U+007F-009F) but tab, newline,
# vertical tab, form feed and carriage return
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _binary(text: str) -> bool:
    head = text[:8192]
    controls = len(_CONTROLS.findall(head))       # a regex: 40 times faster than a category per character
    return controls > max(2, len(head) // 100) or "\x00" in text


def decode(raw: bytes, source: str | Path, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)``: UTF-8 (or a byte-order mark) first, then the encoding the input
    declares, then the one ``charset-normalizer`` finds; newlines become ``\\n``.

    Refuses binary data and bytes that no encoding fits.
    """
    candidates: list[str] = []
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            candidates = [enc]
            break
    else:
        if b"\x00" in raw[:8192]:
            enc = _utf16_without_bom(raw)
            if enc is None:
                raise refuse(source, "binary file, not an article text")
            candidates = [enc]
        else:
            candidates = ["utf-8"] + [e for e in (_usable(declared),) if e]
    text = None
    for enc in candidates:
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if text is None and not raw.startswith(tuple(b for b, _ in _BOMS)) and b"\x00" not in raw[:8192]:
        enc = _detect(raw)
        if enc:
            try:
                text = raw.decode(enc)
            except (UnicodeDecodeError, LookupError):
                text = None
    if text is None:
        if len(candidates) == 1 and candidates[0] != "utf-8":
            raise refuse(source, f"undecodable text: not valid {_name(candidates[0])}")
        raise refuse(source, "undecodable text: neither UTF-8 nor any other encoding fits")
    if _binary(text):
        raise refuse(source, "binary file, not an article text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), _name(enc)


# ---------------------------------------------------------------- text layout and metadata

_BYLINE = re.compile(r"^By (?P<names>[^\n]{3,200}?)(?:,\s*(?P<pub>[A-Z][\w .&-]{1,40}))?\s*$", re.M)
_DATELINE = re.compile(r"^\s*\((?P<pub>[A-Z][A-Za-z .&-]{1,30})\)\s*[—–-]", re.M)
# The place (and date, agency) that opens a wire story: "TAIPEI (Reuters) - ", "KYIV, Ukraine (AP) — ",
# "Brussels, 12 June (AFP) - ", "WASHINGTON — ". Not part of any sentence.
_DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:[ ,]+[\w.'’-]+){0,5}\s*)?\([A-Z][A-Za-z .&/-]{1,30}\)\s*[—–-]{1,2}\s*"
    r"|^[A-Z]{2,}[A-Z .'’-]*(?:,\s*[A-Z][A-Za-z .]{1,30})?\s*(?:[—–]{1,2}|\s--)\s+")
_NAME = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:de|da|van|von|der|al|bin|el|la|le|[A-ZÀ-Þ][\w'’.-]*)){1,4}$")


def dateline_end(paragraph: str) -> int:
    """Length of the dateline that opens ``paragraph`` ("TAIPEI (Reuters) - "), 0 if there is none."""
    m = _DATELINE_PREFIX.match(paragraph)
    return m.end() if m else 0


def _split_names(names: str) -> list[str]:
    """Byline names, or none when the line is prose ('By Tuesday, Russian troops had ...')."""
    parts = [n.strip() for n in re.split(r",\s*|\s+and\s+", names) if n.strip()]
    return parts if parts and all(_NAME.match(p) for p in parts) else []


def byline(text: str) -> tuple[list[str], str | None]:
    """Authors and publisher that a "By A and B, CNN" byline or a "(CNN) —" dateline gives."""
    head = text[: min(len(text), 2000)]
    authors, publisher = [], None
    if (m := _BYLINE.search(head)) and _split_names(m["names"]):
        authors, publisher = _split_names(m["names"]), m["pub"] or None
    if not publisher and (m := _DATELINE.search(head)):
        publisher = m["pub"]
    return authors, publisher


def split_headline(text: str) -> tuple[str, int]:
    """The first non-blank line as the headline, and the offset where the body begins."""
    lead = len(text) - len(text.lstrip())
    end = text.find("\n", lead)
    end = len(text) if end < 0 else end
    return text[lead:end].strip(), end


def make_article(name: str, source: str | Path, body: str, headline: str | None = None, *,
                 publisher: str | None = None, published: date | None = None, url: str | None = None,
                 authors=(), encoding: str | None = None, media_type: str | None = None) -> Article:
    """An ``Article`` whose text is the headline, a blank line and the body (offsets index into it).

    A body that already opens with the headline is kept as it is; without a
    headline, the first line is one. A byline or dateline in the text fills
    in authors and publisher that the source does not give.
    """
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise refuse(source, "no article text")
    headline = " ".join((headline or "").split())
    if headline and " ".join(split_headline(body)[0].split()) != headline:
        text, body_start = headline + "\n\n" + body, len(headline)
    else:
        text = body
        headline, body_start = split_headline(text)
    size = len(text.encode("utf-8"))
    if size > config.MAX_ARTICLE_BYTES:
        raise refuse(source, f"{size:,} bytes of text is too large for an article "
                             f"(limit {config.MAX_ARTICLE_BYTES:,})")
    found_authors, found_publisher = byline(text)
    authors = tuple(authors) or tuple(found_authors)
    return Article(name=name, text=text, headline=headline, body_start=body_start,
                   publisher=publisher or found_publisher, published=published, url=url or None,
                   authors=authors, encoding=encoding, media_type=media_type)


def parse_date(value) -> date | None:
    """A date from ISO 8601 ("2025-10-23", "2025-10-23T08:15:00Z") or RFC 2822 text; ValueError if neither."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    v = value.strip()
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(v).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"not an ISO or RFC 2822 date: {value!r}") from None


def author_names(value) -> tuple[str, ...]:
    """Author names from a string ("A; B"), a list of strings, or objects with a ``name``."""
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else [value]
    out = []
    for item in items:
        if isinstance(item, Mapping):
            item = item.get("name")
        if isinstance(item, str):
            out.extend(n.strip() for n in item.split(";") if n.strip())
    return tuple(dict.fromkeys(out))


# ---------------------------------------------------------------- HTML fragments

_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
           "table", "section", "article", "header", "footer", "figure", "figcaption", "pre", "hr", "dd", "dt"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template", "noscript"):
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template", "noscript"):
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:             # a line break in HTML source is a space; blocks make paragraphs
            self.parts.append(" ".join(data.split("\n")))


def strip_html(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry, a JSON field): one paragraph a line."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


_TAG = re.compile(r"<(?:p|div|br|span|a|em|strong|b|i|h[1-6]|li|ul|ol|blockquote|figure|img)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """Text with paragraph or inline tags (some APIs and feeds send HTML where text is expected)."""
    return bool(_TAG.search(text[:20_000]))
