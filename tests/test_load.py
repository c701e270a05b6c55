"""Tests for kg.load: the registry, each format's loader, and a build over a folder of every kind.

All articles are invented for these tests.
"""
import gc
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg import config
from kg.cli import EXIT_SKIPPED, cli
from kg.errors import InputError
from kg.load import find_sources, format_for, formats, load, load_articles
from kg.load.base import decode, make_article, strip_html

from conftest import write_article

# ------------------------------------------------------------------ invented inputs

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Turkey sends 500 troops to the Syrian border | The Ankara Ledger</title>
<meta property="og:site_name" content="The Ankara Ledger">
<meta property="og:title" content="Turkey sends 500 troops to the Syrian border">
<meta name="author" content="Selin Aydar">
<meta property="article:published_time" content="2025-03-04T09:30:00+00:00">
<link rel="canonical" href="https://ledger.example/world/turkey-troops">
</head><body>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<main><article>
<h1>Turkey sends 500 troops to the Syrian border</h1>
<p>Turkey deployed 500 troops to its border with Syria on Monday, the defence ministry in Ankara said.</p>
<p>The ministry said the soldiers would stay for at least three months. Officials in Damascus denied
that Syrian forces had crossed the border.</p>
<p>Iraq said it was watching the movements closely, according to a statement from its foreign ministry.</p>
</article>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p class="comment-author">Reader42</p><p>I think the whole story is invented by the
newspaper, shame on the editors of this paper.</p></div>
<div class="comment"><p class="comment-author">Mehmet</p><p>Another comment nobody will read about the
deployment of soldiers in the region.</p></div>
</section></main>
<footer><p>© 2025 The Ankara Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""

CRAWLED_PAGE = """<html><head><meta charset="windows-1252"><title>Chile ships copper</title>
<meta property="og:site_name" content="Andes Courier">
<meta property="article:published_time" content="2025-01-20">
</head><body><nav><a href="/">Home</a> <a href="/economy">Economy</a></nav>
<article><h1>Chile sends 300 engineers to Peru</h1>
<p>Chile sent 300 army engineers to Peru on Sunday to repair bridges after the floods, the ministry in
Santiago said.</p>
<p>Peru’s president thanked Santiago for the help, according to a statement read in Lima.</p>
</article><footer>Andes Courier © 2025</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Borduria Daily</title><link>https://borduria.example/</link>
<description>News</description>
<item><title>Greece buys 20 Rafale jets</title><link>https://borduria.example/a</link>
<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate><author>desk@borduria.example (Nadia Pell)</author>
<description>&lt;p&gt;Greece bought 20 Rafale jets from France, the defence ministry in Athens said on
Tuesday.&lt;/p&gt;&lt;p&gt;The first jets will arrive in &lt;b&gt;May&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Iran sends drones to Russia</title><link>https://borduria.example/b</link>
<pubDate>Wed, 05 Mar 2025 08:00:00 GMT</pubDate>
<description>Iran sent 200 drones to Russia, officials in Washington said.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Baltic Monitor</title><id>urn:x</id>
<updated>2025-04-01T00:00:00Z</updated>
<entry><title>Estonia closes a border crossing</title><id>urn:1</id><link href="https://baltic.example/1"/>
<updated>2025-04-01T06:00:00Z</updated><author><name>Kadri Tamm</name></author>
<summary>Short teaser.</summary>
<content type="html">&lt;p&gt;Estonia closed the Narva border crossing on Tuesday, the interior ministry in
Tallinn said.&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;</content></entry>
</feed>"""

DUMP = [
    {"title": "Poland orders 48 howitzers", "text": "Poland ordered 48 howitzers from South Korea, the ministry "
     "in Warsaw said on Friday.", "published": "2025-02-07", "source": {"id": "vw", "name": "Vistula Wire"},
     "url": "https://vistula.example/1", "authors": ["Marek Wolny"]},
    {"headline": "Japan protests to China", "body": "Japan protested to China after four coast guard ships "
     "entered its waters, Tokyo said.", "date": "2025-02-08T10:00:00Z", "publisher": "Pacific Post"},
    {"title": "Egypt sends aid to Gaza", "content": "<p>Egypt sent 1,000 tonnes of aid to Gaza on Sunday, "
     "the Red Crescent said.</p>", "date": "Sun, 09 Feb 2025 12:00:00 GMT", "source": "Nile Times",
     "author": "Amal Farid"},
]

CP1252_TEXT = ("Spain sends 2 frigates to the Red Sea\n"
               "Spain sent two frigates to the Red Sea on Thursday, the defence ministry in Madrid said. "
               "“We will protect the ships,” the minister said in an interview with El Diario Ibérico.\n")
UTF16_TEXT = ("Kenya deploys 400 police officers to Haiti\n"
              "Kenya deployed 400 police officers to Haiti on Tuesday, the government in Nairobi said.\n")


def write_warc(path: Path, pages) -> Path:
    """A small gzipped WARC: a warcinfo record, then one response per ``(url, bytes, content type)``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "geokg tests"}))
        for url, body, ctype, *status in pages:
            http = StatusAndHeaders(status[0] if status else "200 OK", [("Content-Type", ctype)],
                                    protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return path


def every_kind(folder: Path) -> dict:
    """One file of every kind, good and bad; returns the expected good articles and bad names."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    lines = [json.dumps(DUMP[0]), '{"title": "Cut off", "text": "This line was cut', json.dumps(DUMP[1]),
             json.dumps(DUMP[2])]
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "feed.xml").write_text(RSS, encoding="utf-8")
    write_warc(folder / "crawl.warc.gz", [
        ("https://andes.example/chile-engineers", CRAWLED_PAGE.encode("cp1252"), "text/html"),
        ("https://andes.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
        ("https://andes.example/old", b"<html>moved</html>", "text/html", "301 Moved Permanently"),
    ])
    (folder / "spain.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "kenya.txt").write_bytes(UTF16_TEXT.encode("utf-16"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "huge.txt").write_bytes(b"Headline\n" + b"word " * (config.MAX_ARTICLE_BYTES // 5 + 1))
    good = {  # name -> (headline, published, publisher)
        "page.html": ("Turkey sends 500 troops to the Syrian border", "2025-03-04", "The Ankara Ledger"),
        "dump.jsonl#1": ("Poland orders 48 howitzers", "2025-02-07", "Vistula Wire"),
        "dump.jsonl#3": ("Japan protests to China", "2025-02-08", "Pacific Post"),
        "dump.jsonl#4": ("Egypt sends aid to Gaza", "2025-02-09", "Nile Times"),
        "feed.xml#1": ("Greece buys 20 Rafale jets", "2025-03-04", "Borduria Daily"),
        "feed.xml#2": ("Iran sends drones to Russia", "2025-03-05", "Borduria Daily"),
        "crawl.warc.gz#2": ("Chile sends 300 engineers to Peru", "2025-01-20", "Andes Courier"),
        "spain.txt": ("Spain sends 2 frigates to the Red Sea", None, None),
        "kenya.txt": ("Kenya deploys 400 police officers to Haiti", None, None),
    }
    bad = {"dump.jsonl#2": "malformed JSON", "empty.txt": "empty", "image.txt": "binary", "huge.txt": "too large"}
    return {"good": good, "bad": bad}


# ------------------------------------------------------------------ the registry

@pytest.mark.parametrize("name, fmt", [
    ("a.txt", "text"), ("a.TXT", "text"), ("page.html", "html"), ("page.htm", "html"), ("d.jsonl", "jsonl"),
    ("d.json", "jsonl"), ("d.ndjson", "jsonl"), ("f.xml", "feed"), ("f.rss", "feed"), ("f.atom", "feed"),
    ("c.warc", "warc"), ("c.warc.gz", "warc"), ("notes.md", "text")])
def test_format_by_suffix(name, fmt):
    assert format_for(name).name == fmt


def test_format_option_wins_and_unknown_format_is_refused():
    assert format_for("export.dat", "jsonl").name == "jsonl"
    with pytest.raises(InputError, match="unknown input format 'pdf'"):
        format_for("a.pdf", "pdf")


def test_every_format_has_a_loader():
    for fmt in formats().values():
        assert callable(fmt.loader()), fmt.name


def test_folders_give_every_known_format_but_sidecars(tmp_path):
    for rel in ("a.txt", "a.meta.json", "b.html", "c.jsonl", "d.xml", "e.warc.gz", "notes.md", ".git/x.txt",
                "sub/f.json"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in find_sources([tmp_path])] == [
        "a.txt", "b.html", "c.jsonl", "d.xml", "e.warc.gz", "sub/f.json"]
    assert [p.name for p in find_sources([tmp_path], "jsonl")] == ["c.jsonl", "f.json"]


# ------------------------------------------------------------------ encodings

@pytest.mark.parametrize("encoding, recorded", [
    ("utf-8", "utf-8"), ("cp1252", "windows-1252"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
    ("utf-32", "utf-32"), ("cp1251", "windows-1251")])
def test_decode_detects_and_names_the_encoding(encoding, recorded):
    text = CP1252_TEXT if encoding != "cp1251" else (
        "Москва заявила, что отправила на границу 300 солдат и 40 танков, сообщило министерство обороны.\n"
        "Украина отвергла это заявление, сказал представитель правительства в Киеве.\n")
    assert decode(text.encode(encoding), "x.txt") == (text, recorded)


def test_decode_honours_a_declared_charset_and_reads_latin1_as_windows_1252():
    raw = "Peru’s president said “thanks”.".encode("cp1252")
    assert decode(raw, "p.html", declared="iso-8859-1") == ("Peru’s president said “thanks”.", "windows-1252")


@pytest.mark.parametrize("raw, reason", [
    (b"GIF89a\x00\x01\x00\x00\xff\xfe" * 20, "binary"),
    (b"\xff\xfe" + "Caracas".encode("utf-16-le") + b"\x00\xd8", "undecodable"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 40 + b"abc", "binary")])
def test_decode_refuses_binary_and_undecodable_bytes(raw, reason):
    with pytest.raises(InputError, match=reason) as exc:
        decode(raw, "bad.txt")
    assert str(exc.value).startswith("bad.txt: ") and exc.value.source == "bad.txt"


# ------------------------------------------------------------------ the article layout

def test_make_article_puts_the_headline_first():
    a = make_article("d.jsonl#1", "d.jsonl#1", "  Body one.\r\nBody two. ", "  Big   news ")
    assert a.text == "Big news\n\nBody one.\nBody two."
    assert (a.headline, a.body_start) == ("Big news", len("Big news"))


def test_make_article_keeps_a_body_that_opens_with_the_headline():
    a = make_article("p.html", "p.html", "Big news\nBody.", "Big news")
    assert (a.text, a.headline, a.body_start) == ("Big news\nBody.", "Big news", 8)


def test_make_article_reads_a_byline_the_source_lacks():
    a = make_article("x", "x", "By Ann Poe, CNN\nIran sent drones.", "Drones")
    assert (a.authors, a.publisher) == (("Ann Poe",), "CNN")


def test_strip_html_keeps_paragraphs_and_drops_scripts():
    assert strip_html("<p>One &amp; <b>two</b></p><script>x()</script><p>three</p>") == "One & two\nthree"


# ------------------------------------------------------------------ each loader

def test_html_keeps_the_story_and_leaves_out_navigation_and_comments(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    [a] = load_articles([tmp_path / "page.html"])
    assert a.name == "page.html" and a.media_type == "text/html" and a.encoding == "utf-8"
    assert a.headline == "Turkey sends 500 troops to the Syrian border"
    assert (a.publisher, a.published, a.authors) == ("The Ankara Ledger", date(2025, 3, 4), ("Selin Aydar",))
    assert a.url == "https://ledger.example/world/turkey-troops"
    assert "deployed 500 troops" in a.text and "Iraq said" in a.text
    for boilerplate in ("Subscribe", "Home", "Reader42", "shame on the editors", "All rights reserved", "Privacy"):
        assert boilerplate not in a.text, boilerplate


def test_html_without_an_article_is_refused(tmp_path):
    (tmp_path / "blank.html").write_text("<html><head><title>x</title></head><body></body></html>")
    loaded = load([tmp_path / "blank.html"])
    assert loaded.articles == [] and [s.reason for s in loaded.skipped] == ["no article text found in the page"]


def test_html_states_no_date_it_does_not_find(tmp_path):
    page = "<html><body><article><h1>Talks resume</h1><p>" + "Serbia and Kosovo resumed talks in Brussels. " * 8 \
        + "</p></article><footer>© 2019</footer></body></html>"
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert load_articles([tmp_path / "p.html"])[0].published is None


def test_jsonl_default_fields_and_one_broken_line(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps(DUMP[0]) + "\n\n{broken\n" + json.dumps(DUMP[2]) + "\n", encoding="utf-8")
    loaded = load([path])
    assert [a.name for a in loaded.articles] == ["dump.jsonl#1", "dump.jsonl#4"]
    first, third = loaded.articles
    assert (first.headline, first.published, first.publisher, first.url, first.authors) == (
        "Poland orders 48 howitzers", date(2025, 2, 7), "Vistula Wire", "https://vistula.example/1",
        ("Marek Wolny",))
    assert third.text == "Egypt sends aid to Gaza\n\nEgypt sent 1,000 tonnes of aid to Gaza on Sunday, the Red " \
                         "Crescent said."
    assert (third.published, third.publisher, third.authors) == (date(2025, 2, 9), "Nile Times", ("Amal Farid",))
    [skip] = loaded.skipped
    assert skip.source == f"{path}#3" and skip.reason.startswith("malformed JSON")


def test_jsonl_field_names_are_configurable(tmp_path):
    path = tmp_path / "api.jsonl"
    path.write_text(json.dumps({"hed": "Chad closes border", "story": "Chad closed its border with Sudan.",
                                "meta": {"when": "2025-05-01", "outlet": "Sahel Today"}}) + "\n")
    [a] = load_articles([path], fields={"headline": "hed", "text": "story", "published": "meta.when",
                                        "publisher": ["meta.outlet"]})
    assert (a.headline, a.published, a.publisher) == ("Chad closes border", date(2025, 5, 1), "Sahel Today")
    with pytest.raises(InputError, match="unknown article field 'body'"):
        load_articles([path], fields={"body": "story"})


@pytest.mark.parametrize("record, reason", [
    ({"title": "No text"}, "no article text"), (["a", "list"], "must be a JSON object"),
    ({"text": "Body.", "published": "last week"}, "'published' is not an ISO or RFC 2822 date"),
    ({"text": 42}, "'text' (text) must be a string")])
def test_jsonl_bad_records_are_skipped_with_a_reason(tmp_path, record, reason):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(DUMP[1]) + "\n")
    loaded = load([path])
    assert [a.name for a in loaded.articles] == ["d.jsonl#2"]
    assert [(s.source, reason in s.reason) for s in loaded.skipped] == [(f"{path}#1", True)]


def test_a_dump_without_one_article_is_one_bad_file(tmp_path):
    path = tmp_path / "annotations.jsonl"
    path.write_text("".join(json.dumps({"article": f"a{n}.txt", "event": "attack"}) + "\n" for n in range(50)))
    [skip] = load([path]).skipped
    assert skip.source == str(path)
    assert skip.reason.startswith("no article in 50 records (#1: no article text")


def test_json_list_and_single_object(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps(DUMP[:2]), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(DUMP[1], indent=2), encoding="utf-8")
    assert [a.name for a in load_articles([tmp_path])] == ["list.json#1", "list.json#2", "one.json"]
    (tmp_path / "cut.json").write_text(json.dumps(DUMP)[:-5], encoding="utf-8")
    assert [s.reason.split(" (")[0] for s in load([tmp_path / "cut.json"]).skipped] == ["malformed JSON"]


def test_rss_feed_one_article_per_entry(tmp_path):
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    a, b = load_articles([tmp_path / "feed.xml"])
    assert (a.name, b.name) == ("feed.xml#1", "feed.xml#2")
    assert a.text == ("Greece buys 20 Rafale jets\n\nGreece bought 20 Rafale jets from France, the defence "
                      "ministry in Athens said on Tuesday.\nThe first jets will arrive in May.")
    assert (a.published, a.publisher, a.url, a.authors) == (date(2025, 3, 4), "Borduria Daily",
                                                           "https://borduria.example/a", ("Nadia Pell",))
    assert a.media_type == "application/rss+xml"


def test_atom_feed_prefers_content_to_summary(tmp_path):
    (tmp_path / "f.atom").write_text(ATOM, encoding="utf-8")
    [a] = load_articles([tmp_path / "f.atom"])
    assert a.text == ("Estonia closes a border crossing\n\nEstonia closed the Narva border crossing on Tuesday, "
                      "the interior ministry in Tallinn said.")
    assert (a.publisher, a.authors, a.published) == ("Baltic Monitor", ("Kadri Tamm",), date(2025, 4, 1))


def test_not_a_feed_is_refused(tmp_path):
    (tmp_path / "config.xml").write_text("<config><a>1</a></config>", encoding="utf-8")
    (tmp_path / "broken.rss").write_text("<rss><channel><item><title>x</ti", encoding="utf-8")
    loaded = load([tmp_path])
    assert loaded.articles == []
    assert [s.source for s in loaded.skipped] == [str(tmp_path / "broken.rss"), str(tmp_path / "config.xml")]


def test_warc_reads_each_html_page_and_passes_over_the_rest(tmp_path):
    path = write_warc(tmp_path / "c.warc.gz", [
        ("https://andes.example/a", CRAWLED_PAGE.encode("cp1252"), "text/html"),
        ("https://andes.example/logo.png", b"\x89PNG\r\n", "image/png"),
        ("https://ledger.example/b", PAGE.encode("utf-8"), "text/html; charset=utf-8")])
    a, b = load_articles([path])
    assert (a.name, b.name) == ("c.warc.gz#2", "c.warc.gz#4")
    assert (a.headline, a.url, a.encoding) == ("Chile sends 300 engineers to Peru", "https://andes.example/a",
                                               "windows-1252")
    assert "Peru’s president" in a.text
    assert b.headline == "Turkey sends 500 troops to the Syrian border" and "Reader42" not in b.text


def test_not_a_warc_is_refused(tmp_path):
    (tmp_path / "x.warc").write_bytes(b"this is not a crawl\n" * 10)
    [skip] = load([tmp_path / "x.warc"]).skipped
    assert skip.reason.startswith("not a WARC file")


def test_strict_load_raises_at_the_first_bad_input(tmp_path):
    write_article(tmp_path, "a.txt", "Head\nBody of the story.\n")
    (tmp_path / "b.txt").write_bytes(b"")
    with pytest.raises(InputError, match="b.txt: empty article"):
        load([tmp_path], strict=True)
    assert [a.name for a in load([tmp_path]).articles] == ["a.txt"]


# ------------------------------------------------------------------ a build over a folder of every kind

def _cli(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _articles(store) -> dict:
    rows = kg.query("""SELECT ?file ?headline ?date ?publisher ?format WHERE {
        ?a a schema:NewsArticle ; kg:sourceFile ?file ; schema:headline ?headline ; schema:encodingFormat ?format .
        OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:publisher ?publisher } }""",
                    store=store).rows
    gc.collect()
    return {r["file"]: r for r in rows}


@pytest.fixture(scope="module")
def every_kind_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("every-kind")
    expected = every_kind(root / "in")
    out, store = root / "out", root / "out" / "store"
    first = _cli("build", root / "in", "--out", out, "--store", store)
    second = _cli("build", root / "in", "--out", out, "--store", store)
    return {"root": root, "expected": expected, "out": out, "store": store, "first": first, "second": second}


def test_every_kind_builds_the_good_articles(every_kind_build):
    r, expected = every_kind_build["first"], every_kind_build["expected"]
    n_good, n_bad = len(expected["good"]), len(expected["bad"])
    assert r.exit_code == EXIT_SKIPPED == 3, r.output
    assert re.search(rf"^articles:\s+{n_good} \({n_good} added, 0 unchanged, {n_bad} skipped\)$", r.stdout, re.M)
    found = _articles(every_kind_build["store"])
    assert set(found) == set(expected["good"])
    for name, (headline, published, publisher) in expected["good"].items():
        row = found[name]
        assert row["headline"] == headline, name
        assert (str(row["date"]) if row["date"] else None) == published, name
        assert row["publisher"] == publisher, name
    assert found["spain.txt"]["format"] == "text/plain; charset=windows-1252"
    assert found["kenya.txt"]["format"] == "text/plain; charset=utf-16"
    assert found["crawl.warc.gz#2"]["format"] == "text/html; charset=windows-1252"


def test_every_kind_reports_each_bad_input_on_one_line(every_kind_build):
    r, expected = every_kind_build["first"], every_kind_build["expected"]
    lines = [line for line in r.stderr.splitlines() if line.startswith("skipped ")]
    assert len(lines) == len(expected["bad"])
    for name, reason in expected["bad"].items():
        [line] = [line for line in lines if f"{name}: " in line]
        assert reason in line, line
    assert "Traceback" not in r.output
    summary = json.loads((every_kind_build["out"] / "summary.json").read_text(encoding="utf-8"))
    assert len(summary["skipped"]) == len(expected["bad"])
    assert {"source", "reason"} == set(summary["skipped"][0])


def test_every_kind_quotes_stand_at_their_offsets(every_kind_build):
    texts = {a.name: a.text for a in load([every_kind_build["root"] / "in"]).articles}
    facts = [json.loads(line) for line in (every_kind_build["out"] / "facts.jsonl").read_text().splitlines()]
    assert {s["article"] for f in facts for s in f["sources"]} >= {"page.html", "feed.xml#1", "spain.txt",
                                                                    "kenya.txt", "crawl.warc.gz#2"}
    for f in facts:
        for s in f["sources"]:
            assert texts[s["article"]][s["start"]:s["end"]] == s["evidence"]


def test_every_kind_second_run_adds_nothing(every_kind_build):
    r, expected = every_kind_build["second"], every_kind_build["expected"]
    n_good, n_bad = len(expected["good"]), len(expected["bad"])
    assert r.exit_code == EXIT_SKIPPED, r.output
    assert re.search(rf"^articles:\s+{n_good} \(0 added, {n_good} unchanged, {n_bad} skipped\)$", r.stdout, re.M)


def test_every_kind_strict_fails_and_writes_nothing(tmp_path):
    every_kind(tmp_path / "in")
    r = _cli("build", tmp_path / "in", "--strict", "--out", tmp_path / "out")
    assert r.exit_code == 1
    assert r.stderr.startswith("Error: ") and r.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_api_build_lists_what_it_skipped_and_strict_raises(tmp_path):
    (tmp_path / "in").mkdir()
    write_article(tmp_path / "in", "a.txt", "Border clash\nTurkey deployed 500 troops to Syria on Monday.")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    report = kg.build([tmp_path / "in"], out=tmp_path / "out")
    assert (report.added, [str(s) for s in report.skipped]) == (1, [f"{tmp_path / 'in' / 'b.txt'}: empty article"])
    with pytest.raises(InputError, match="b.txt"):
        kg.build([tmp_path / "in"], out=tmp_path / "out2", strict=True)
    assert not (tmp_path / "out2").exists()


def test_the_same_text_twice_in_one_run_is_one_article(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(PAGE, encoding="utf-8")
    write_warc(tmp_path / "in" / "crawl.warc", [("https://ledger.example/world/turkey-troops", PAGE.encode(),
                                                 "text/html")])
    report = kg.build([tmp_path / "in"], out=tmp_path / "out")
    assert (report.articles, report.added, report.unchanged) == (1, 1, 1)


def test_cli_format_and_field_options(tmp_path):
    path = tmp_path / "export.dat"
    path.write_text(json.dumps({"hed": "Chad closes border", "story": "Chad closed its border with Sudan on "
                                "Monday, officials in N'Djamena said."}) + "\n", encoding="utf-8")
    r = _cli("build", path, "--format", "jsonl", "--field", "headline=hed", "--field", "text=story",
             "--out", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert "(1 added, 0 unchanged, 0 skipped)" in r.stdout
    bad = _cli("build", path, "--field", "headline", "--out", tmp_path / "out")
    assert bad.exit_code == 1 and "FIELD=KEY" in bad.stderr
