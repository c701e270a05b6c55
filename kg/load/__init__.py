"""Reading input files into ``Article`` records (the first stage), one loader per format.

A loader is a module with one function, ``load(path, options)``, that yields
the file's articles: it raises ``InputError`` when the whole file is
unusable and yields a ``Skipped`` for one bad record of a file holding many.
``register`` files a format under a name with its suffixes; the registry
finds a file's loader by suffix (or by the name the user gives), and imports
it only when a file needs it, so a build of ``.txt`` files never loads an
HTML parser. A new format is one module and one ``register`` line.

``load`` reads everything under the given paths: by default a bad file or
record is skipped and reported, and every good article is kept; with
``strict=True`` the first one raises, so a build writes all or nothing.

>>> loaded = load(["seeds"])                       # doctest: +SKIP
>>> [a.name for a in loaded.articles], loaded.skipped  # doctest: +SKIP
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

from ..errors import InputError
from ..model import Article
from .base import FIELDS, Options, Skipped

__all__ = ["Format", "Loaded", "Skipped", "FIELDS", "register", "formats", "format_for", "find_sources", "read",
           "load", "load_articles"]


@dataclass(frozen=True)
class Format:
    """An input format: its name (``--format``), file suffixes, and the module holding its ``load``."""
    name: str
    suffixes: tuple[str, ...]
    module: str
    description: str = ""

    def loader(self):
        return importlib.import_module(self.module).load


_FORMATS: dict[str, Format] = {}


def register(name: str, suffixes, module: str, description: str = "") -> Format:
    """Add (or replace) a format; ``suffixes`` are lower-case with their dot (``".warc.gz"``)."""
    fmt = Format(name, tuple(s.lower() for s in suffixes), module, description)
    _FORMATS[name] = fmt
    return fmt


register("text", (".txt",), "kg.load.text", "UTF-8 (or other) text: headline line, body, NAME.meta.json sidecar")
register("html", (".html", ".htm"), "kg.load.html", "a saved web page: main text and metadata (trafilatura)")
register("jsonl", (".jsonl", ".ndjson", ".json"), "kg.load.jsonl", "a JSON dump: one article a line, or a list")
register("feed", (".rss", ".atom", ".xml"), "kg.load.feed", "an RSS or Atom feed: one article per entry")
register("warc", (".warc", ".warc.gz"), "kg.load.warc", "a web crawl: every HTML page in it")


def formats() -> dict[str, Format]:
    """The registered formats by name."""
    return dict(_FORMATS)


def _suffix_format(path: Path) -> Format | None:
    name = path.name.lower()
    if name.endswith(".meta.json"):          # a sidecar, read with its article
        return None
    best = None
    for fmt in _FORMATS.values():
        for s in fmt.suffixes:
            if name.endswith(s) and len(name) > len(s) and (best is None or len(s) > best[0]):
                best = (len(s), fmt)
    return best[1] if best else None


def format_for(path: str | Path, fmt: str | None = None) -> Format:
    """The format to read ``path`` with: ``fmt`` if given, else by suffix; plain text when unknown."""
    if fmt is not None:
        if fmt not in _FORMATS:
            raise InputError(f"unknown input format {fmt!r} (one of {', '.join(_FORMATS)})")
        return _FORMATS[fmt]
    return _suffix_format(Path(path)) or _FORMATS["text"]


_NOT_NEWS = ("site-packages", "node_modules", "__pycache__")


def find_sources(paths, fmt: str | None = None, exclude=()) -> list[Path]:
    """Expand files and folders into the input files, each folder's sorted.

    A folder gives every file of a known format (of ``fmt`` alone when given),
    hidden folders, installed packages, sidecars and the folders in
    ``exclude`` (a build's own exports and store) left out; a file named
    explicitly is always kept.
    """
    if fmt is not None:
        format_for("", fmt)                  # an unknown name fails here
    excluded = [Path(x).resolve() for x in exclude]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            # hidden folders (.venv, .git) and installed packages hold files that are not news
            found = (x for x in p.rglob("*") if x.is_file() and not any(
                part.startswith(".") or part in _NOT_NEWS for part in x.relative_to(p).parts[:-1])
                and not any(x.resolve().is_relative_to(e) for e in excluded))
            files.extend(sorted(x for x in found if (f := _suffix_format(x)) and (fmt is None or f.name == fmt)))
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    if not files:
        wanted = _FORMATS[fmt].suffixes if fmt else tuple(s for f in _FORMATS.values() for s in f.suffixes)
        raise InputError(f"no article files ({', '.join(wanted)}) found in " + ", ".join(map(str, paths)))
    return files


def read(paths, fmt: str | None = None, fields: Mapping | None = None, exclude=()) -> Iterator[Article | Skipped]:
    """Every article under ``paths``, in order, and a ``Skipped`` for each input that is none."""
    options = Options.of(fields)
    for path in find_sources(paths, fmt, exclude):
        try:
            yield from format_for(path, fmt).loader()(path, options)
        except InputError as e:
            yield Skipped.of(e, path)


@dataclass
class Loaded:
    """What ``load`` read: the articles, and the inputs it skipped (each with its reason)."""
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def load(paths, fmt: str | None = None, fields: Mapping | None = None, strict: bool = False,
         exclude=()) -> Loaded:
    """Load every article under ``paths``; ``strict`` raises ``InputError`` at the first bad input.

    ``fmt`` reads every named file as that format (see ``formats()``);
    ``fields`` maps article fields to the keys of JSON records
    (``{"text": "story"}``); folders in ``exclude`` are not searched.
    """
    loaded = Loaded()
    for item in read(paths, fmt, fields, exclude):
        if isinstance(item, Skipped):
            if strict:
                raise InputError(str(item), item.source, item.reason)
            loaded.skipped.append(item)
        else:
            loaded.articles.append(item)
    return loaded


def load_articles(paths, fmt: str | None = None, fields: Mapping | None = None) -> list[Article]:
    """Every article under ``paths``, or ``InputError`` at the first bad input (nothing half-read)."""
    return load(paths, fmt, fields, strict=True).articles
