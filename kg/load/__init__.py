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
With ``cache`` (a JSON file; ``kg build`` keeps one in its store), a file
unchanged since it was last read (same path, size, modification and change
times, inode, and for a text file the same sidecar) is not read again: it
gives an ``Unread`` for each article it held (name and digest, what a build
needs to find the article in its store; ``read_unread`` reads them when
they are needed) and the ``Skipped`` it gave then.

>>> loaded = load(["seeds"])                       # doctest: +SKIP
>>> [a.name for a in loaded.articles], loaded.skipped  # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

from ..errors import InputError
from ..model import Article
from .base import FIELDS, Options, Skipped

__all__ = ["Format", "Loaded", "Skipped", "Unread", "FIELDS", "register", "formats", "format_for", "find_sources",
           "read", "load", "load_articles", "read_unread", "CACHE_NAME"]


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
            files.extend(sorted(_found(p, fmt, excluded)))
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    if not files:
        wanted = _FORMATS[fmt].suffixes if fmt else tuple(s for f in _FORMATS.values() for s in f.suffixes)
        raise InputError(f"no article files ({', '.join(wanted)}) found in " + ", ".join(map(str, paths)))
    return files


def _found(top: Path, fmt: str | None, excluded: list[Path]) -> Iterator[Path]:
    """The article files under the folder ``top`` (see ``find_sources``): every file ``rglob``
    finds, by suffix, but those in hidden folders, installed packages and the folders
    ``excluded`` (resolved), a file linked from elsewhere judged by where it resolves to.
    A file's folder is resolved once, not each file (10,000 files: 0.6 s, not 6)."""
    resolved: dict[Path, Path] = {}
    for x in top.rglob("*"):
        f = _suffix_format(x)
        if not f or fmt is not None and f.name != fmt:
            continue
        parts = x.relative_to(top).parts[:-1]
        # hidden folders (.venv, .git) and installed packages hold files that are not news
        if any(part.startswith(".") or part in _NOT_NEWS for part in parts) or not x.is_file():
            continue
        if excluded:
            if x.is_symlink():
                where = x.resolve()
            else:
                folder = resolved.get(x.parent)
                if folder is None:
                    folder = resolved[x.parent] = x.parent.resolve()
                where = folder / x.name
            if any(where.is_relative_to(e) for e in excluded):
                continue
        yield x


def read(paths, fmt: str | None = None, fields: Mapping | None = None, exclude=(),
         cache: "_Cache | None" = None) -> Iterator["Article | Unread | Skipped"]:
    """Every article under ``paths``, in order, and a ``Skipped`` for each input that is none;
    with ``cache`` (a ``_Cache``), an ``Unread`` for each article of a file it knows unchanged."""
    options = Options.of(fields)
    for path in find_sources(paths, fmt, exclude):
        stamp = _stamp(path, fmt) if cache is not None else None
        known = cache.get(path, stamp) if cache is not None else None
        if known is not None:
            for item in known:
                yield Unread(item[1], item[2], str(path), fmt, _fields_key(fields), item[3]) if item[0] == "a" \
                    else Skipped(item[1], item[2])
            continue
        items = list(_read_file(path, fmt, options))
        if cache is not None:
            cache.put(path, stamp, items)
        yield from items


def _read_file(path: Path, fmt: str | None, options: Options) -> list:
    """What one file gives: its articles, and a ``Skipped`` for each bad record (or for the file)."""
    items = []
    try:
        for item in format_for(path, fmt).loader()(path, options):
            items.append(item)
    except InputError as e:
        items.append(Skipped.of(e, path))
    return items


@dataclass(frozen=True)
class Unread:
    """An article of a file unchanged since the build that last read it (``load`` with ``cache``):
    its ``name`` and ``digest`` (``Article.digest``: what ``kg.model.article_iri`` needs), the
    file, and its place among the file's articles. ``read_unread`` makes it an ``Article``."""
    name: str
    digest: str
    source: str
    fmt: str | None = None
    fields: tuple = ()
    index: int = 0


def read_unread(items: list) -> list:
    """``items`` with each ``Unread`` read from its file into its ``Article`` (each file read once);
    ``InputError`` when a file no longer reads as it did (changed since it was looked at)."""
    files: dict[tuple, list] = {}
    out = []
    for a in items:
        if not isinstance(a, Unread):
            out.append(a)
            continue
        key = (a.source, a.fmt, a.fields)
        if key not in files:
            got = _read_file(Path(a.source), a.fmt, Options.of({k: list(v) for k, v in a.fields}))
            files[key] = [x for x in got if not isinstance(x, Skipped)]
        arts = files[key]
        if a.index >= len(arts) or arts[a.index].digest != a.digest:
            raise InputError(f"{a.source}: changed while it was being built; build again", a.source,
                             "changed while it was being built; build again")
        out.append(arts[a.index])
    return out


@dataclass
class Loaded:
    """What ``load`` read: the articles, and the inputs it skipped (each with its reason).

    With a cache, ``articles`` holds an ``Unread`` for each article of a file not read again,
    and ``save_cache()`` writes what this load found (``kg build`` does once the store is written)."""
    articles: list = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    cache: "_Cache | None" = None

    def save_cache(self) -> None:
        if self.cache is not None:
            self.cache.save()


def load(paths, fmt: str | None = None, fields: Mapping | None = None, strict: bool = False,
         exclude=(), cache: str | Path | None = None) -> Loaded:
    """Load every article under ``paths``; ``strict`` raises ``InputError`` at the first bad input.

    ``fmt`` reads every named file as that format (see ``formats()``);
    ``fields`` maps article fields to the keys of JSON records
    (``{"text": "story"}``); folders in ``exclude`` are not searched.
    ``cache``: the file that remembers what each input file gave (see the module); an
    unchanged file gives an ``Unread`` per article instead of being read again.
    """
    loaded = Loaded(cache=_Cache(Path(cache), fmt, fields) if cache is not None else None)
    for item in read(paths, fmt, fields, exclude, loaded.cache):
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


# ---------------------------------------------------------------- the cache of what files gave

#: The name of the cache ``kg build`` keeps in its store's folder.
CACHE_NAME = "kg-inputs.json"
#: A file changed less than this long before it was looked at is not remembered: written again
#: within the same clock tick, with the same size, it would look unchanged (as git's index does).
RACY_NS = 2_000_000_000


def _fields_key(fields: Mapping | None) -> tuple:
    return tuple(sorted((k, tuple([v] if isinstance(v, str) else v)) for k, v in (fields or {}).items()))


def _stamp(path: Path, fmt: str | None) -> list | None:
    """What tells a file changed: size, modification and change times (ns), inode; a text file's
    sidecar's too (or None without one). None when the file cannot be looked at."""
    try:
        st = os.stat(path)
        stamp = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        if format_for(path, fmt).name == "text":
            side = path.with_name(path.name[: -len(path.suffix)] + ".meta.json") if path.suffix else None
            try:
                s2 = os.stat(side) if side else None
                stamp.append([s2.st_size, s2.st_mtime_ns, s2.st_ctime_ns, s2.st_ino] if s2 else None)
            except OSError:
                stamp.append(None)
        return stamp
    except (OSError, InputError):
        return None


def _reader_id(fmt: str | None, fields: Mapping | None) -> str:
    """What else decides what a file gives: the loaders' code, the limits, the libraries that
    read HTML and guess encodings, ``fmt`` and ``fields``. A cache made otherwise is not used."""
    from importlib.metadata import PackageNotFoundError, version

    from .. import config
    h = hashlib.sha256()
    for p in sorted(Path(__file__).parent.glob("*.py")) + [Path(__file__).parent.parent / "model.py"]:
        h.update(p.read_bytes())
    for name in ("trafilatura", "charset-normalizer"):
        try:
            h.update(f"{name}={version(name)}".encode())
        except PackageNotFoundError:
            pass
    h.update(repr((config.MAX_ARTICLE_BYTES, {k: v for k, v in vars(config).items()
                                             if k.startswith("MAX_") and isinstance(v, int)},
                   fmt, _fields_key(fields))).encode())
    return h.hexdigest()[:16]


class _Cache:
    """Absolute path -> [stamp, items] of the files read, kept in a JSON file; items are
    ``["a", name, digest, index]`` (an article) and ``["s", source, reason]`` (a ``Skipped``)."""

    def __init__(self, path: Path, fmt: str | None, fields: Mapping | None):
        self.path, self.id = path, _reader_id(fmt, fields)
        self.files: dict = {}
        self.changed = False
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("reader") == self.id and isinstance(data.get("files"), dict):
                self.files = data["files"]
        except (OSError, ValueError, AttributeError):
            pass

    @staticmethod
    def _key(path: Path) -> str:
        return os.path.abspath(path)

    def get(self, path: Path, stamp) -> list | None:
        got = self.files.get(self._key(path)) if stamp is not None else None
        return got[1] if got is not None and got[0] == stamp else None

    def put(self, path: Path, stamp, items: list) -> None:
        key = self._key(path)
        if stamp is None or time.time_ns() - stamp[1] < RACY_NS or (stamp[4:] and stamp[4]
                                                                      and time.time_ns() - stamp[4][1] < RACY_NS):
            if self.files.pop(key, None) is not None:
                self.changed = True
            return
        out, n = [], 0
        for x in items:
            if isinstance(x, Skipped):
                out.append(["s", x.source, x.reason])
            else:
                out.append(["a", x.name, x.digest, n])
                n += 1
        self.files[key] = [stamp, out]
        self.changed = True

    def save(self) -> None:
        if not self.changed or not self.path.parent.is_dir():
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            tmp.write_text(json.dumps({"reader": self.id, "files": self.files}, separators=(",", ":")),
                           encoding="utf-8")
            os.replace(tmp, self.path)
            self.changed = False
        except OSError:
            tmp.unlink(missing_ok=True)
