"""Records -> RDF quads, and the vocabulary (``kg/ontology.ttl`` documents every term).

Layout: each article is a named graph (its IRI) holding what that article
says: entities, statement cores, the direct edge between the main
participants, and one ``kg:Source`` per quote with its offsets, claimant,
status and qualifier. Article metadata, the extractor and the CAMEO concepts
live in the default graph. Entities and statements are content-addressed, so
the union of graphs fuses what several articles say about the same thing.
"""
from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from . import config
from .corroborate import encode_sketch, sketch, wire_credits
from .model import (Article, Entity, Extraction, Statement, article_iri, canonical_place, entity_iri,
                    is_generic, slug, source_iri, statement_iri)

__all__ = ["KG", "SCHEMA", "NIF", "SEM", "WD", "QUDT_UNIT", "ENTITY_CLASSES", "STATUS_IRIS",
           "QUALIFIER_IRIS", "CREDIBILITY_IRIS", "RELIABILITY_IRIS", "extraction_quads", "to_dataset", "PREFIXES"]

KG = Namespace(config.ONTOLOGY)
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem#")
WD = Namespace("http://www.wikidata.org/entity/")
QUDT_UNIT = Namespace("http://qudt.org/vocab/unit/")
CAMEO = Namespace(config.EVENT_TYPE)

ENTITY_CLASSES = {
    "Person": SCHEMA.Person, "Country": SCHEMA.Country, "Organization": SCHEMA.Organization,
    "MilitaryForce": KG.MilitaryForce, "WeaponSystem": KG.WeaponSystem, "Location": KG.Location,
    "Group": KG.Group, "Thing": KG.Thing,
}
STATUS_IRIS = {s: KG[s.capitalize()] for s in
               ("reported", "claimed", "unverified", "disputed", "denied", "confirmed")}
QUALIFIER_IRIS = {"exact": KG.Exact, "at_least": KG.AtLeast, "at_most": KG.AtMost,
                  "more_than": KG.MoreThan, "less_than": KG.LessThan,
                  "approximately": KG.Approximately}
# The NATO Admiralty scale (kg.corroborate): information credibility 1-6, source reliability A-F.
CREDIBILITY_IRIS = {n: KG[f"Credibility{n}"] for n in range(1, 7)}
RELIABILITY_IRIS = {c: KG[f"Reliability{c}"] for c in "ABCDEF"}
ROLE_PROPS = (("subject", KG.subject), ("object", KG.object), ("location", KG.location),
              ("target", KG.target), ("recipient", KG.recipient))
PREFIXES = {"kg": config.ONTOLOGY, "ent": config.ENTITY, "st": config.STATEMENT,
            "src": config.SOURCE, "art": config.ARTICLE, "cameo": config.EVENT_TYPE,
            "schema": str(SCHEMA), "prov": str(PROV), "nif": str(NIF), "sem": str(SEM),
            "skos": str(SKOS), "owl": str(OWL), "rdfs": str(RDFS), "xsd": str(XSD),
            "wd": str(WD), "unit": str(QUDT_UNIT), "origin": config.ORIGIN}


def _time_literal(iso: str) -> Literal:
    if len(iso) == 10:
        return Literal(iso, datatype=XSD.date)
    if len(iso) == 7 and iso[4] == "-":
        return Literal(iso, datatype=XSD.gYearMonth)
    if len(iso) == 4:
        return Literal(iso, datatype=XSD.gYear)
    return Literal(iso)   # ISO week ("2025-W42") or interval: no XSD type


def _number(value: float) -> Literal:
    return Literal(int(value), datatype=XSD.integer) if float(value).is_integer() \
        else Literal(repr(float(value)), datatype=XSD.decimal)


def entity_triples(e: Entity, article: Article | None = None):
    s = URIRef(entity_iri(e, article))
    e = canonical_place(e)
    yield s, RDF.type, ENTITY_CLASSES.get(e.type, KG.Thing)
    if article is not None and is_generic(e):
        yield s, KG.scopedTo, URIRef(article_iri(article))
    yield s, RDFS.label, Literal(e.label)
    for a in sorted(e.aliases):
        yield s, SKOS.altLabel, Literal(a)
    if e.wikidata:
        yield s, OWL.sameAs, WD[e.wikidata]


def statement_triples(article: Article, st: Statement, extractor: URIRef):
    s = URIRef(statement_iri(st, article))
    pred = KG[st.predicate]
    yield s, RDF.type, KG.Statement
    yield s, KG.predicate, pred
    for name, prop in ROLE_PROPS:
        e = getattr(st, name)
        if e is not None:
            yield s, prop, URIRef(entity_iri(e, article))
            if name == "location":
                yield s, SEM.hasPlace, URIRef(entity_iri(e, article))
    if st.event_code:
        yield s, RDF.type, SEM.Event
        yield s, KG.eventType, CAMEO[st.event_code.split(":", 1)[1]]
    if st.role:
        yield s, KG.role, Literal(st.role)
    q = st.quantity
    if q is not None:
        qn = URIRef(str(s) + "/quantity")
        yield s, KG.quantity, qn
        yield qn, RDF.type, SCHEMA.QuantitativeValue
        yield qn, SCHEMA.value, _number(q.value)
        if q.qualifier in ("at_least", "more_than"):
            yield qn, SCHEMA.minValue, _number(q.value)
        if q.qualifier in ("at_most", "less_than"):
            yield qn, SCHEMA.maxValue, _number(q.value)
        if q.unit:
            yield qn, SCHEMA.unitText, Literal(q.unit)
    # the direct edge, for simple queries and the picture
    other = st.object or st.recipient or st.target or st.location
    if st.subject is not None and other is not None:
        yield URIRef(entity_iri(st.subject, article)), pred, URIRef(entity_iri(other, article))
    # this article's evidence for it
    src = URIRef(source_iri(article, st))
    yield src, RDF.type, KG.Source
    yield src, KG.supports, s
    yield src, PROV.wasQuotedFrom, URIRef(article_iri(article))
    yield src, NIF.anchorOf, Literal(st.evidence.text)
    yield src, NIF.beginIndex, Literal(st.evidence.start, datatype=XSD.integer)
    yield src, NIF.endIndex, Literal(st.evidence.end, datatype=XSD.integer)
    yield src, KG.status, STATUS_IRIS[st.status]
    if st.status_cue:
        yield src, KG.statusCue, Literal(st.status_cue)
    if st.status_by is not None:
        yield src, KG.statusBy, URIRef(entity_iri(st.status_by, article))
    if st.claimant is not None:
        yield src, KG.claimant, URIRef(entity_iri(st.claimant, article))
    if q is not None:
        yield src, KG.qualifier, QUALIFIER_IRIS[q.qualifier]
        yield src, KG.valueText, Literal(q.text)
    if st.time:
        yield src, KG.time, _time_literal(st.time)
    yield src, KG.confidence, Literal(str(st.confidence), datatype=XSD.decimal)
    yield src, PROV.wasGeneratedBy, extractor


def article_triples(article: Article, extractor: URIRef):
    a = URIRef(article_iri(article))
    yield a, RDF.type, SCHEMA.NewsArticle
    yield a, SCHEMA.headline, Literal(article.headline)
    yield a, KG.sourceFile, Literal(article.name)
    yield a, KG.sha256, Literal(article.digest)
    if article.publisher:
        yield a, SCHEMA.publisher, Literal(article.publisher)
    if article.published:
        yield a, SCHEMA.datePublished, Literal(article.published.isoformat(), datatype=XSD.date)
    if article.url:
        yield a, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)
    for name in article.authors:
        yield a, SCHEMA.author, Literal(name)
    if article.media_type:      # what the text was read from, in which encoding: "text/html; charset=utf-8"
        charset = f"; charset={article.encoding}" if article.encoding else ""
        yield a, SCHEMA.encodingFormat, Literal(article.media_type + charset)
    # what kg.corroborate needs to tell independent origins: the wire credits, the wording in brief
    for wire in wire_credits(article.text, article.authors, article.publisher):
        yield a, KG.wireCredit, Literal(wire)
    yield a, KG.fingerprint, Literal(encode_sketch(sketch(article.text)))
    yield a, PROV.wasGeneratedBy, extractor


def extractor_iri(extractor_id: str) -> URIRef:
    return KG["extractor-" + slug(extractor_id)]


def extraction_quads(ex: Extraction, extractor_id: str, event_labels: dict[str, str] | None = None):
    """All quads of one article: ``(s, p, o, g)`` with ``g`` None for the default graph."""
    extractor = extractor_iri(extractor_id)
    graph = URIRef(article_iri(ex.article))
    yield extractor, RDF.type, PROV.SoftwareAgent, None
    yield extractor, RDFS.label, Literal(extractor_id), None
    for t in article_triples(ex.article, extractor):
        yield (*t, None)
    for e in ex.entities:
        for t in entity_triples(e, ex.article):
            yield (*t, graph)
    for st in ex.statements:
        for t in statement_triples(ex.article, st, extractor):
            yield (*t, graph)
        yield KG[st.predicate], RDF.type, RDF.Property, None
        yield KG[st.predicate], RDFS.subPropertyOf, KG.relation, None
        yield KG[st.predicate], RDFS.label, Literal(st.predicate.replace("_", " ")), None
        if st.event_code:
            code = st.event_code.split(":", 1)[1]
            c = CAMEO[code]
            yield c, RDF.type, SKOS.Concept, None
            yield c, SKOS.inScheme, CAMEO.scheme, None
            yield c, SKOS.notation, Literal(code), None
            label = (event_labels or {}).get(code)
            if label:
                yield c, SKOS.prefLabel, Literal(label, lang="en"), None
    yield CAMEO.scheme, RDF.type, SKOS.ConceptScheme, None
    yield CAMEO.scheme, RDFS.label, Literal("CAMEO event codes (version 1.1b3)"), None


def to_dataset(quads) -> Dataset:
    """Quads -> an rdflib ``Dataset`` (named graphs kept), for notebook use."""
    ds = Dataset()
    for k, v in PREFIXES.items():
        ds.bind(k, v)
    for s, p, o, g in quads:
        (ds.graph(g) if g is not None else ds.default_context).add((s, p, o))
    return ds
