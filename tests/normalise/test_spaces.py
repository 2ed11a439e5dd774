"""split-run-together-words: the look-ups that spare the search for parts decide as the search would."""

from __future__ import annotations

import pytest
from wordfreq import top_n_list

from pamphleteer.chapters import render_body
from pamphleteer.normalise import normalise_source, spaces
from pamphleteer.normalise.vocabulary import Vocabulary

# Made-up prose that writes a few pairs apart ("at least", "in fact"), so that both roads are taken.
TEXT = ("At least the tenants met in fact every week. The work place was far, and every one of them "
        "walked there at least once; in fact some rode. Meanwhile the committee kept its books.")


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary(TEXT)


def _searched(token: str, vocabulary: Vocabulary) -> bool:
    """Whether the full search splits the run: its best parts, then the evidence for them."""
    parts = spaces._best_parts(token.lower(), vocabulary)
    return len(parts) >= 2 and spaces._evidence_enough(token, parts, vocabulary)


def test_runs_left_whole_unsearched_are_never_split_by_the_search(vocabulary: Vocabulary):
    words = [word for word in top_n_list("en", 12_000)[4_000::4] if word.isalpha() and len(word) >= 4]
    words += ["atleast", "infact", "workplace", "everyone", "Meanwhile", "alot", "eachother"]
    whole = [word for word in words if spaces._stands_as_word(word, vocabulary)]
    assert len(whole) > len(words) // 2, "the look-ups should spare most searches"
    assert [word for word in whole if _searched(word, vocabulary)] == []


def test_slips_and_words_written_apart_are_still_searched(vocabulary: Vocabulary):
    assert not spaces._stands_as_word("infact", vocabulary)  # the document writes "in fact"
    assert spaces.split_word("infact", vocabulary) == ["in", "fact"]
    silent = Vocabulary("The committee kept its books.")
    assert not spaces._stands_as_word("eachother", silent)  # a slip the web writes apart
    assert spaces.split_word("eachother", silent) == ["each", "other"]
    assert spaces._stands_as_word("infact", silent)  # too rare a slip, and never apart here


def test_hashtags_and_a_capitalised_run_ending_in_a_stay_whole():
    text = "Tagged #SpanishRevolution and the Federación Uruguaya in Uruguay, Uruguay again, beinggiven.\n"
    body = render_body(normalise_source(text, "x", "text").draft)
    assert body.strip() == "Tagged #SpanishRevolution and the Federación Uruguaya in Uruguay, Uruguay again, being given."
