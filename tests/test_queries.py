"""Tests for kg.queries: the SPARQL library in queries/ and its headers."""
from pathlib import Path

import pytest

from kg.errors import NotFoundError
from kg.queries import QueryFile, library, load_query

QUERIES = Path(__file__).resolve().parent.parent / "queries"
FILES = sorted(QUERIES.glob("*.rq"))


def test_library_lists_every_rq_file_sorted():
    assert FILES, "queries/ has no .rq files"
    names = [q.name for q in library()]
    assert names == [p.stem for p in FILES]
    assert names == sorted(names)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_query_has_a_title_and_purpose(path):
    q = next(q for q in library() if q.name == path.stem)
    assert isinstance(q, QueryFile)
    assert q.title.strip() and q.title != q.name, "missing '# title:' line"
    assert q.purpose.strip(), "missing '# purpose:' line"
    assert "#" not in q.title + q.purpose
    assert q.text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_parameters_are_variables_the_query_uses(path):
    q = load_query(path.stem)
    body = "\n".join(line for line in q.text.splitlines() if not line.lstrip().startswith("#"))
    for p in q.parameters:
        assert f"?{p}" in body, f"parameter ?{p} is not used by {path.name}"


def test_multiline_purpose_is_joined():
    q = load_query("arms_transfers")
    assert q.title == "Arms transfers"
    assert q.purpose == ("Who supplies, sells or exports what to whom, with quantities and "
                         "the status of the claim.")
    assert q.parameters == ("item",)


def test_parameters_none_gives_no_parameters():
    assert load_query("facts").parameters == ()


def test_load_query_matches_library():
    for q in library():
        assert load_query(q.name) == q


def test_unknown_query_raises_not_found():
    with pytest.raises(NotFoundError, match="nope"):
        load_query("nope")


def test_not_found_suggests_near_names():
    with pytest.raises(NotFoundError, match="claims_by_actor"):
        load_query("claims")


def test_library_is_found_outside_the_source_tree(tmp_path):
    """From another folder Python imports the installed package (in CI a wheel install):
    the SPARQL library must travel with it."""
    import subprocess
    import sys
    code = "import kg.queries as q; print(len(q.library()), q.load_query('facts').name)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    count, name = out.stdout.split()
    assert int(count) >= 12 and name == "facts"
