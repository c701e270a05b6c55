"""Tests for kg.articles (the text loader, kg.load.text): article files and sidecars, and refusing bad input."""
from datetime import date
from pathlib import Path

import pytest

from kg import config
from kg.articles import find_article_files, load_article, load_articles
from kg.errors import InputError

from conftest import write_article

BODY = "Venezuela says it has 5,000 missiles.\nThe US disputes this.\n"


# ------------------------------------------------------------------ normal articles

def test_sidecar_gives_publisher_date_url_and_authors(tmp_path):
    path = write_article(tmp_path, "a.txt", "Missiles in Caracas\n" + BODY, meta={
        "publisher": "Reuters", "published": "2025-10-23", "url": "https://example.org/a",
        "authors": ["Jane Doe", "John Roe"]})
    a = load_article(path)
    assert a.name == "a.txt"
    assert a.headline == "Missiles in Caracas"
    assert a.publisher == "Reuters"
    assert a.published == date(2025, 10, 23)
    assert a.url == "https://example.org/a"
    assert a.authors == ("Jane Doe", "John Roe")
    assert a.text == path.read_text()
    assert a.text[a.body_start:].lstrip().startswith("Venezuela says")


def test_sidecar_published_may_be_a_timestamp(tmp_path):
    path = write_article(tmp_path, "a.txt", "Head\n" + BODY, meta={"published": "2025-10-23T08:15:00Z"})
    assert load_article(path).published == date(2025, 10, 23)


def test_sidecar_single_author_string_is_a_list_of_one(tmp_path):
    path = write_article(tmp_path, "a.txt", "Head\n" + BODY, meta={"authors": "Jane Doe"})
    assert load_article(path).authors == ("Jane Doe",)


def test_sidecar_wins_over_byline(tmp_path):
    text = "Head\nBy Ann Poe and Bob Loe, CNN\n" + BODY
    path = write_article(tmp_path, "a.txt", text, meta={"publisher": "AP", "authors": ["Jane Doe"]})
    a = load_article(path)
    assert a.publisher == "AP"
    assert a.authors == ("Jane Doe",)


def test_byline_gives_authors_and_publisher_without_sidecar(tmp_path):
    text = "Missiles in Caracas\nBy Germán Padinger, Rocío Muñoz-Ledo and Kit Maher, CNN\n" + BODY
    a = load_article(write_article(tmp_path, "a.txt", text))
    assert a.authors == ("Germán Padinger", "Rocío Muñoz-Ledo", "Kit Maher")
    assert a.publisher == "CNN"
    assert a.published is None and a.url is None


def test_dateline_gives_publisher(tmp_path):
    text = "Missiles in Caracas\n(CNN) — Venezuela has 5,000 missiles, its president said.\n"
    a = load_article(write_article(tmp_path, "a.txt", text))
    assert a.publisher == "CNN"
    assert a.authors == ()


def test_no_byline_no_dateline_leaves_fields_empty(tmp_path):
    a = load_article(write_article(tmp_path, "a.txt", "Head\n" + BODY))
    assert (a.publisher, a.published, a.url, a.authors) == (None, None, None, ())


def test_prose_starting_with_by_is_not_a_byline(tmp_path):
    text = "Troops withdraw\nBy Tuesday, Russian troops had withdrawn from the town.\nMore text.\n"
    a = load_article(write_article(tmp_path, "a.txt", text))
    assert a.authors == ()


def test_headline_skips_leading_blank_lines(tmp_path):
    path = write_article(tmp_path, "a.txt", "\n\n  Missiles in Caracas  \n" + BODY)
    a = load_article(path)
    assert a.headline == "Missiles in Caracas"
    assert a.text[a.body_start] == "\n"


# ------------------------------------------------------------------ offsets = Path.read_text()

@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_text_is_what_read_text_returns(tmp_path, newline):
    lines = ["Head line", "By Jane Doe, CNN", "(CNN) — Body “quoted” text.", "Second para."]
    path = tmp_path / "a.txt"
    path.write_bytes(newline.join(lines).encode("utf-8") + newline.encode())
    a = load_article(path)
    assert a.text == path.read_text()
    assert a.text == path.read_text(encoding="utf-8")
    start = a.text.index("Body")
    assert path.read_text()[start:start + 4] == "Body"
    assert a.authors == ("Jane Doe",) and a.publisher == "CNN"


# ------------------------------------------------------------------ bad input

def _raises_naming(path: Path, match: str | None = None):
    with pytest.raises(InputError) as exc:
        load_article(path)
    assert path.name in str(exc.value)
    if match:
        assert match in str(exc.value)
    assert "\n" not in str(exc.value)
    return exc.value


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _raises_naming(path, "empty")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\t\r\n  \n")
    _raises_naming(path, "empty")


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _raises_naming(path, "binary")


@pytest.mark.parametrize("encoding, recorded", [
    ("cp1252", "windows-1252"), ("latin-1", "windows-1252"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig")])
def test_other_encodings_are_decoded_and_recorded(tmp_path, encoding, recorded):
    text = ("Caracas says it has 5,000 missiles\nEl presidente habló de misiles “de corto alcance”, "
            "según el ministro de Defensa, en una reunión en Maracaibo.\n")
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"')
    path = tmp_path / "other.txt"
    path.write_bytes(text.encode(encoding))
    a = load_article(path)
    assert a.text == text
    assert a.encoding == recorded
    assert a.text == path.read_text(encoding=encoding)     # offsets index into the file as decoded
    assert a.headline == "Caracas says it has 5,000 missiles"


def test_utf8_is_recorded(tmp_path):
    assert load_article(write_article(tmp_path, "a.txt", "Head\n" + BODY)).encoding == "utf-8"


def test_undecodable_file(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + "Caracas\n".encode("utf-16-le") + b"\x00\xd8A\x00")  # a lone surrogate
    _raises_naming(path, "undecodable")


def test_too_large_file(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "MAX_ARTICLE_BYTES", 100)
    path = write_article(tmp_path, "big.txt", "Head\n" + "word " * 100)
    _raises_naming(path, "too large")


def test_size_limit_is_inclusive(tmp_path, monkeypatch):
    path = write_article(tmp_path, "ok.txt", "Head\n" + BODY)
    monkeypatch.setattr(config, "MAX_ARTICLE_BYTES", path.stat().st_size)
    assert load_article(path).headline == "Head"


def test_missing_file(tmp_path):
    _raises_naming(tmp_path / "missing.txt", "cannot read")


def test_folder_passed_as_article(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    _raises_naming(folder)


def _with_meta(tmp_path, meta_text: str) -> Path:
    path = write_article(tmp_path, "a.txt", "Head\n" + BODY)
    (tmp_path / "a.meta.json").write_text(meta_text, encoding="utf-8")
    return path


@pytest.mark.parametrize("meta_text, match", [
    ('{"publisher": "Reuters",', "malformed"),
    ('["Reuters", "2025-10-23"]', "JSON object"),
    ('{"published": "last Tuesday"}', "published"),
    ('{"published": "2025-13-45"}', "published"),
    ('{"published": 20251023}', "published"),
    ('{"publisher": ["Reuters"]}', "publisher"),
    ('{"url": 42}', "url"),
    ('{"authors": [1, 2]}', "authors"),
    ('{"authors": {"name": "Jane"}}', "authors"),
    ('{"authors": ["Jane", null]}', "authors"),
], ids=["malformed-json", "list", "published-words", "published-bad-date", "published-int",
        "publisher-list", "url-int", "authors-ints", "authors-object", "authors-null"])
def test_bad_sidecar(tmp_path, meta_text, match):
    path = _with_meta(tmp_path, meta_text)
    with pytest.raises(InputError) as exc:
        load_article(path)
    assert "a.meta.json" in str(exc.value)
    assert match in str(exc.value)


def test_sidecar_not_utf8(tmp_path):
    path = write_article(tmp_path, "a.txt", "Head\n" + BODY)
    (tmp_path / "a.meta.json").write_bytes(b'{"publisher": "Agencia Efe Espa\xf1a"}')
    with pytest.raises(InputError, match="a.meta.json"):
        load_article(path)


# ------------------------------------------------------------------ finding files

def test_find_article_files_is_sorted_and_recursive(tmp_path):
    for rel in ("b.txt", "a.txt", "sub/deeper/c.txt", "sub/0.txt", "notes.md", "a.meta.json"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Head\nBody.\n", encoding="utf-8")
    found = find_article_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.txt", "b.txt", "sub/0.txt", "sub/deeper/c.txt"]
    assert found == sorted(found)


def test_find_article_files_keeps_explicit_files(tmp_path):
    a = write_article(tmp_path, "a.txt", "Head\nBody.\n")
    notes = write_article(tmp_path, "notes.md", "Head\nBody.\n")
    assert find_article_files([notes, a]) == [notes, a]


def test_find_article_files_missing_path(tmp_path):
    with pytest.raises(InputError, match="nowhere"):
        find_article_files([tmp_path / "nowhere"])


def test_find_article_files_folder_without_articles(tmp_path):
    (tmp_path / "readme.md").write_text("nothing here", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        find_article_files([tmp_path])
    assert str(tmp_path) in str(exc.value)
    assert ".txt" in str(exc.value)


def test_load_articles_fails_on_any_bad_file(tmp_path):
    write_article(tmp_path, "a.txt", "Head\n" + BODY)
    (tmp_path / "b.txt").write_bytes(b"")
    with pytest.raises(InputError, match="b.txt"):
        load_articles([tmp_path])


def test_load_articles_reads_every_file_in_order(tmp_path):
    write_article(tmp_path, "b.txt", "Second\n" + BODY)
    write_article(tmp_path, "a.txt", "First\n" + BODY)
    assert [a.headline for a in load_articles([tmp_path])] == ["First", "Second"]


def test_hidden_and_package_folders_are_not_articles(tmp_path):
    from kg.articles import find_article_files
    (tmp_path / ".venv" / "lib").mkdir(parents=True)
    (tmp_path / ".venv" / "lib" / "LICENSE.txt").write_text("MIT License ...", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Headline\nBody of the story here.", encoding="utf-8")
    assert [p.name for p in find_article_files([tmp_path])] == ["a.txt"]


@pytest.mark.parametrize("paragraph, rest", [
    ("TAIPEI (Reuters) - China's military began drills.", "China's military began drills."),
    ("KYIV, Ukraine (AP) — Russia fired missiles.", "Russia fired missiles."),
    ("Brussels, 12 June (AFP) - The EU agreed.", "The EU agreed."),
    ("WASHINGTON — The US said.", "The US said."),
    ("(CNN) — Iran said.", "Iran said."),
])
def test_a_wire_dateline_is_found(paragraph, rest):
    from kg.articles import dateline_end
    assert paragraph[dateline_end(paragraph):] == rest


@pytest.mark.parametrize("paragraph", ["NATO - the alliance grew.", "UK - France summit ends.",
                                       "Russia launched 40 drones - officials said."])
def test_no_dateline_in_ordinary_sentences(paragraph):
    from kg.articles import dateline_end
    assert dateline_end(paragraph) == 0
