"""SHACL validation of the union graph against ``kg/shapes.ttl`` (pyshacl).

The union graph is what queries see, so that is what must hold together:
a source in one article graph and the article's metadata in the default
graph are checked as one graph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib.namespace import SH

from . import config
from .export import serialize
from .rdf import PREFIXES
from .store import Store

__all__ = ["SHAPES", "ValidationReport", "validate", "shapes_graph"]

SHAPES = Path(__file__).with_name("shapes.ttl")
_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass
class ValidationReport:
    """``conforms``, one dict per result (focus, path, message, severity, value), and a readable ``text``."""
    conforms: bool
    results: list[dict] = field(default_factory=list)
    text: str = ""


def shapes_graph() -> rdflib.Graph:
    """The shapes, rewritten to ``GEOKG_BASE`` like the ontology (see ``Store.load_ontology``)."""
    text = SHAPES.read_text(encoding="utf-8").replace("https://geokg.example/", config.BASE)
    return rdflib.Graph().parse(data=text, format="turtle")


def _short(iri: str | None) -> str:
    if iri is None:
        return ""
    if iri.startswith("^"):
        return "^" + _short(iri[1:])
    for k, v in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(v) and len(iri) > len(v):
            return f"{k}:{iri[len(v):]}"
    return f"<{iri}>" if "://" in iri else iri


def _path(report: rdflib.Graph, node) -> str | None:
    """A result path as text: an IRI, or ``^IRI`` for an inverse path (the only complex path we use)."""
    if node is None:
        return None
    inverse = report.value(node, SH.inversePath)
    if inverse is not None:
        return "^" + str(inverse)
    return str(node)


def _results(report: rdflib.Graph) -> list[dict]:
    """Top-level results only: what a nested ``sh:node`` found is already in its parent's message."""
    nested = set(report.objects(None, SH.detail))
    out = []
    for r in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        if r in nested:
            continue
        value = report.value(r, SH.value)
        out.append({
            "focus": str(report.value(r, SH.focusNode)),
            "path": _path(report, report.value(r, SH.resultPath)),
            "message": str(report.value(r, SH.resultMessage) or ""),
            "severity": _SEVERITY.get(report.value(r, SH.resultSeverity), "Violation"),
            "value": None if value is None or isinstance(value, rdflib.BNode) else str(value),
        })
    return sorted(out, key=lambda d: (d["focus"], d["path"] or "", d["message"], d["value"] or ""))


def _value(v: str) -> str:
    return _short(v) if re.match(r"^[a-z][\w+.-]*://", v) else repr(v)


def _text(conforms: bool, results: list[dict], triples: int) -> str:
    if conforms:
        return f"conforms: the union graph ({triples} triples) satisfies {SHAPES.name}\n"
    lines = [f"does not conform: {len(results)} result(s) against {SHAPES.name}"]
    for r in results:
        lines.append(f"{r['severity']}: {_short(r['focus'])}")
        value = f" (value: {_value(r['value'])})" if r["value"] else ""
        lines.append(f"    {_short(r['path'])}: {r['message']}{value}")
    return "\n".join(lines) + "\n"


def validate(store: Store) -> ValidationReport:
    """Check the store's union graph against the shapes."""
    from pyshacl import validate as shacl   # slow import: only when validating

    data = rdflib.Graph().parse(data=serialize(store, "ntriples"), format="nt")
    conforms, report, _ = shacl(data, shacl_graph=shapes_graph(), inference="none", advanced=False,
                                allow_warnings=True)
    results = _results(report)
    conforms = bool(conforms) and not any(r["severity"] == "Violation" for r in results)
    return ValidationReport(conforms, results, _text(conforms, results, len(data)))
