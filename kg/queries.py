"""The SPARQL library in ``queries/``: find a query by name, read its header.

Each ``.rq`` file starts with ``# title:``, ``# purpose:`` and ``# parameters:``
comment lines; parameters are ``?variables`` the caller may bind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
import importlib.util
from pathlib import Path

from .errors import NotFoundError

__all__ = ["QueryFile", "library", "load_query"]


@dataclass(frozen=True)
class QueryFile:
    name: str
    title: str
    purpose: str
    parameters: tuple[str, ...]
    text: str


def _folder() -> Path:
    """``queries/`` of the source tree, or the copy installed as ``kg.sparql``.

    ``kg.sparql`` is a namespace package (the folder has no ``__init__.py``),
    so its location comes from its import spec, not from importlib.resources.
    """
    here = Path(__file__).resolve().parent.parent / "queries"
    if here.is_dir():
        return here
    spec = importlib.util.find_spec("kg.sparql")
    if spec is None or not spec.submodule_search_locations:
        raise NotFoundError("the SPARQL library (kg.sparql) is not installed")
    return Path(list(spec.submodule_search_locations)[0])


def _parse(name: str, text: str) -> QueryFile:
    head = {}
    for m in re.finditer(r"^#\s*(title|purpose|parameters):\s*(.*(?:\n#\s{3,}.*)*)", text, re.M):
        head[m[1]] = " ".join(x.strip("# ").strip() for x in m[2].splitlines())
    params = tuple(re.findall(r"\?(\w+)", head.get("parameters", "")))
    return QueryFile(name, head.get("title", name), head.get("purpose", ""), params, text)


def library() -> list[QueryFile]:
    """Every query of the library, sorted by name."""
    return [_parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(_folder().glob("*.rq"))]


def load_query(name: str) -> QueryFile:
    path = _folder() / f"{name}.rq"
    if not path.exists():
        near = ", ".join(q.name for q in library() if name.lower()[:4] in q.name) or "run `kg queries`"
        raise NotFoundError(f"no query named {name!r} (near: {near})")
    return _parse(name, path.read_text(encoding="utf-8"))
