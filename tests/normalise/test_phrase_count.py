"""Phrase counts are the same whether the phrase is searched for or found from the words' places."""

import random

import pytest

from pamphleteer.normalise import vocabulary
from pamphleteer.normalise.vocabulary import Vocabulary

WORDS = ["the", "The", "tenants", "union", "don’t", "a", "de", "la"]
MARKS = [" ", " ", " ", "  ", ", ", ". ", "\n", " (", "’ ", " 1917 ", "-"]


def _texts(count: int):
    chance = random.Random(8)
    for _ in range(count):
        yield "".join(chance.choice(WORDS) + chance.choice(MARKS) for _ in range(chance.randint(0, 30)))


def _phrases():
    lower = sorted({word.lower() for word in WORDS})
    yield from ((a, b) for a in lower for b in lower)
    yield from ((a, b, c) for a in lower[:4] for b in lower[:4] for c in lower[:4])


def test_search_and_index_count_alike(monkeypatch: pytest.MonkeyPatch):
    counts = {}
    for way, searched in (("searched", 10**6), ("indexed", 0)):
        monkeypatch.setattr(vocabulary, "_PHRASES_SEARCHED", searched)
        counts[way] = [[Vocabulary(text).phrase_count(*phrase) for phrase in _phrases()] for text in _texts(60)]
    assert counts["searched"] == counts["indexed"]
    assert any(count > 1 for text in counts["indexed"] for count in text)  # phrases that recur were counted


def test_a_document_asked_many_phrases_indexes_its_words():
    words = Vocabulary("the tenants union, the tenants\nunion " * 20)
    assert [words.phrase_count("tenants", "union") for _ in range(vocabulary._PHRASES_SEARCHED + 2)] == [20] * (
        vocabulary._PHRASES_SEARCHED + 2)
    assert "_positions" in vars(words)  # the index was made once the searches passed their number
