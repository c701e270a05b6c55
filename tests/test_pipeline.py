"""Properties of the whole text pipeline (load -> extract -> RDF -> store -> SHACL), tested with Hypothesis.

For any text, in any of three formats and three encodings: loading either
yields articles or skips the input with a stated reason (blank input, or
text dense with control characters), never an exception; every article builds; every quote stands verbatim at its
offsets in the text as loaded; the graph conforms to the shapes.
"""
import html
import json
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.build import ingest
from kg.load import load
from kg.store import Store
from kg.validate import validate

# Words the rules react to (names in the gazetteer, event verbs, counts, hedges, datelines), so that
# the examples state facts, mixed with arbitrary text so that they also break things.
WORDS = ["Turkey", "Syria", "Iran", "Russia", "the United States", "Venezuela", "Ukraine", "Kyiv", "NATO",
         "Maduro", "Hamas", "Israel", "Gaza", "China", "Taiwan", "sent", "deployed", "bought", "sold", "denied",
         "said", "claimed", "struck", "attacked", "killed", "supplied", "troops", "drones", "missiles", "tanks",
         "Igla-S", "500", "5,000", "at least 200", "no less than 40", "three", "dozens of", "according to officials",
         "the ministry said", "on Monday", "in 2024", "last week", ",", ".", "“", "”", "—", "(Reuters) -",
         "TAIPEI (Reuters) -", "By Jane Doe, CNN", "it is not clear", "reportedly", "allegedly", "\n", "\n\n",
         "\r\n", "  ", "\t", "\x0c", "\x1b", "\x85", "ﬁ", "é", "👍", "\u200b", "\u2028", "a" * 60]
SAFE = st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t\r")
CHUNK = st.one_of(st.sampled_from(WORDS), st.text(SAFE, max_size=12))
TEXT = st.lists(CHUNK, max_size=60).map(" ".join)
HEADLINE = st.one_of(st.just(""), st.lists(CHUNK, max_size=8).map(" ".join))

# Reasons for which a blank or near-blank input may be refused; anything else is a bug.
BLANK = ("empty article", "no article text", "no article text found in the page")


def _write(folder: Path, fmt: str, encoding: str, headline: str, body: str) -> Path:
    if fmt == "txt":
        path, data = folder / "a.txt", headline + "\n" + body
    elif fmt == "jsonl":
        path, data = folder / "a.jsonl", json.dumps({"title": headline, "text": body}) + "\n"
    else:
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n"))
        path, data = folder / "a.html", (f"<html><head><title>{html.escape(headline)}</title></head><body>"
                                         f"<article><h1>{html.escape(headline)}</h1>{paragraphs}</article>"
                                         "</body></html>")
    try:
        path.write_bytes(data.encode(encoding))
    except UnicodeEncodeError:
        path.write_bytes(data.encode("utf-8"))
    return path


QUOTES = """SELECT ?file ?quote ?begin ?end WHERE {
  ?src nif:anchorOf ?quote ; nif:beginIndex ?begin ; nif:endIndex ?end ; prov:wasQuotedFrom/kg:sourceFile ?file }"""


@settings(max_examples=40, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(fmt=st.sampled_from(["txt", "jsonl", "html"]), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]),
       headline=HEADLINE, body=TEXT)
@example(fmt="txt", encoding="cp1252", headline="", body="'\xa0")    # found by CI: too short to tell cp1252
@example(fmt="txt", encoding="cp1252", headline="", body="\xa0")
def test_any_text_builds_quotes_stand_and_the_graph_conforms(fmt, encoding, headline, body):
    with tempfile.TemporaryDirectory() as d:
        path = _write(Path(d), fmt, encoding, headline, body)
        loaded = load([path])
        controls = any(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v" for c in headline + body)
        # a few non-ASCII bytes in a legacy encoding name no encoding: any reading of them, or none, is fair
        ambiguous = encoding == "cp1252" and any(ord(c) > 127 for c in headline + body) \
            and len((headline + body).strip()) < 40
        for skipped in loaded.skipped:      # only blank input is refused (a page: trafilatura's call)
            if controls and skipped.reason.startswith("binary file"):
                continue                    # text full of control characters may be binary data
            if ambiguous and skipped.reason.startswith("undecodable"):
                continue
            assert skipped.reason.startswith(BLANK), skipped
            assert fmt == "html" or not (body if fmt == "jsonl" else headline + body).strip(), skipped
        if fmt == "txt" and loaded.articles and not ambiguous:
            [a] = loaded.articles
            assert a.text == (headline + "\n" + body).replace("\r\n", "\n").replace("\r", "\n")
        store = Store(None)
        ingest(store, loaded.articles)
        texts = {a.name: a.text for a in loaded.articles}
        for row in store.query(QUOTES).rows:
            begin, end = int(row["begin"]), int(row["end"])
            assert texts[row["file"]][begin:end] == row["quote"]
        report = validate(store)
        assert report.conforms, report.text
