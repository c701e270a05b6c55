"""The extractor's word lists: data files read by path, a missing path is caught here, not by silence."""
from __future__ import annotations

import ast
from pathlib import Path

from kg.extract.resources import load_resources

EXTRACT = Path(__file__).resolve().parent.parent / "kg" / "extract"


def _paths_read_by_the_code() -> set[tuple[str, ...]]:
    """Every ``words("section", "key")`` / ``word_set(...)`` call with literal arguments in kg/extract."""
    paths = set()
    for source in EXTRACT.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("words", "word_set") \
                    and node.args and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                          for a in node.args):
                paths.add(tuple(a.value for a in node.args))
    return paths


def test_every_word_list_the_code_reads_is_in_the_lexicon():
    # words() answers [] for a path it lacks, so a misspelt key would switch a rule off silently
    lexicon = load_resources().lexicon
    paths = _paths_read_by_the_code()
    assert len(paths) > 50
    missing = []
    for path in paths:
        node = lexicon
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            missing.append(path)
    assert not missing, missing


def test_the_attribution_module_reads_its_lists_through_a_helper():
    # _words("key") in attribution.py reads [attribution].key: those keys must exist too
    source = (EXTRACT / "attribution.py").read_text(encoding="utf-8")
    keys = {n.args[0].value for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "_words" and n.args}
    assert keys and keys <= set(load_resources().lexicon["attribution"])


def test_word_set_is_the_list_as_a_set_made_once():
    res = load_resources()
    assert res.word_set("attribution", "hedges") == frozenset(res.words("attribution", "hedges"))
    assert "reportedly" in res.word_set("attribution", "hedges")
    assert res.word_set("attribution", "hedges") is res.word_set("attribution", "hedges")
    assert res.word_set("no_such_table", "no_such_list") == frozenset()


def test_the_modality_table_holds_only_suffixes():
    # the rules read every list of [modality] as a suffix ("hope" -> _intended): a word list of another
    # purpose put there would make its name a suffix of statements
    known = {"authorized", "intended", "requested", "threatened", "possible", "promised", "agreed", "refused",
             "cancelled", "prevented"}
    assert set(load_resources().lexicon["modality"]) <= known
