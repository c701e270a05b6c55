"""Title Case headlines (kg/extract/truecase.py): ordinary words lowercased, names kept, offsets intact."""
from __future__ import annotations

import pytest

from kg.extract import _vocabulary, extract
from kg.extract.resources import load_resources
from kg.extract.truecase import is_title_case, names_in_prose, read_as, truecase
from kg.model import Article


@pytest.fixture(scope="module")
def tools():
    res = load_resources()
    vocab, stop = _vocabulary()
    if not vocab:
        pytest.skip("no lemmatizer word index (blank pipeline)")
    return res, vocab, stop


def test_ordinary_words_are_lowercased_and_known_names_kept(tools):
    res, vocab, stop = tools
    text = "Russia Claims Ukraine Armed with 300 British Missiles Amid NATO Talks"
    out = truecase(text, res, vocab, stop)
    assert out == "Russia claims Ukraine armed with 300 British missiles amid NATO talks"
    assert len(out) == len(text)


def test_a_word_the_article_capitalises_inside_a_sentence_is_a_name(tools):
    res, vocab, stop = tools
    keep = names_in_prose("Prosecutors said Hope and Rice met in Vostok.")
    assert {"Hope", "Rice", "Vostok"} <= keep
    out = truecase("Court Jails Hope and Rice Over Vostok Plot", res, vocab, stop, keep)
    assert out == "court jails Hope and Rice over Vostok plot"


@pytest.mark.parametrize("text", [
    "Russian troops entered the town of Vostok on Monday.",    # a sentence: left alone
    "NATO Summit",                                               # too short to tell
])
def test_other_lines_are_unchanged(tools, text):
    res, vocab, stop = tools
    assert truecase(text, res, vocab, stop) == text


def test_is_title_case_counts_content_words():
    stop = frozenset({"of", "the", "with", "to"})
    assert is_title_case("Court Convicts Friend of the Bombing Suspect", stop)
    assert not is_title_case("Court convicts friend of the bombing suspect", stop)


def test_a_title_case_headline_yields_its_event_with_a_verbatim_quote():
    headline = "Russia Deploys 300 Troops to Belarus Amid Border Tensions"
    text = headline + "\nOfficials in Minsk confirmed the move on Monday, the ministry said.\n"
    ex = extract(Article("t.txt", text, headline, len(headline)))
    st = next(s for s in ex.statements if s.predicate == "deploys")
    assert (st.subject.label, st.quantity.value) == ("Russia", 300)
    assert st.evidence.text == headline == text[st.evidence.start:st.evidence.end]


def test_a_spaced_hyphen_is_read_as_a_dash_and_offsets_stay():
    res = load_resources()
    text = "The candidate - backed by Karl Marek - won, a well-known centre-right figure. Two firms - A and B."
    read = read_as(text, res)
    assert len(read) == len(text)
    assert " – backed by Karl Marek – won" in read and "well-known" in read and "centre-right" in read
    assert "Two firms - A and B." in read      # a single one stays a hyphen


def test_the_dash_gives_the_sentence_its_verb_and_quotes_stay_verbatim():
    text = ("Vote\nThe conservative Ruritanian Party candidate - backed by Ruritanian President Karl Marek - "
            "won with 40.3% of the vote.")
    ex = extract(Article("t.txt", text, "Vote", 4))
    backs = [s for s in ex.statements if s.predicate == "backs"]
    assert backs and backs[0].subject.label == "Karl Marek"
    for st in ex.statements:
        assert text[st.evidence.start:st.evidence.end] == st.evidence.text and " - " in st.evidence.text
