"""Truncation marks at the end of long paragraphs, where only the end is searched."""

import pytest

from pamphleteer.normalise.draft import Block, Draft
from pamphleteer.normalise.leftovers import remove_truncation_marks
from pamphleteer.normalise.passes import PassContext

BODY = "Words of the text. " * 40 + "The end."


@pytest.mark.parametrize(("ending", "mark"), [
    (" " * 90 + "[…]", "[…]"),  # the spaces before the mark are more than the end searched
    (" Continue  reading →", "Continue reading →"),
    ("\n(more)", "(more)"),
    (" Read the rest", "Read the rest"),
])
def test_a_mark_ending_a_long_paragraph_is_removed_and_reported(ending: str, mark: str):
    draft = Draft("x", "text", blocks=(Block("para", BODY + ending, (3, 4)),))
    kept, changes = remove_truncation_marks(draft, PassContext("x", "text"))
    assert kept.blocks[0].text == BODY
    assert [(c.action, c.before) for c in changes][0] == ("removed", mark)


@pytest.mark.parametrize("ending", [" so we must keep reading.", " <> and more text", "The end.  read more"])
def test_the_texts_own_words_stay(ending: str):
    draft = Draft("x", "text", blocks=(Block("para", BODY + ending, (3,)),))
    kept, changes = remove_truncation_marks(draft, PassContext("x", "text"))
    assert kept.blocks[0].text == BODY + ending and changes == []


@pytest.mark.parametrize("mark", ["Continue reading...", "Read more »", "read more", "(continued)"])
def test_a_mark_standing_alone_is_removed_with_its_paragraph(mark: str):
    draft = Draft("x", "text", blocks=(Block("para", "A teaser that stops short.", (1,)), Block("para", mark, (2,)),
                                       Block("para", "The next piece.", (4,))))
    kept, changes = remove_truncation_marks(draft, PassContext("x", "text"))
    assert [block.text for block in kept.blocks] == ["A teaser that stops short.", "The next piece."]
    assert [(c.action, c.line, c.before) for c in changes] == [
        ("removed", 2, mark), ("review", 2, "A teaser that stops short.")]


def test_a_mark_after_an_ellipsis_is_removed():
    draft = Draft("x", "text", blocks=(Block("para", "It explains how … Read more…", (1,)),))
    assert remove_truncation_marks(draft, PassContext("x", "text"))[0].blocks[0].text == "It explains how …"


def test_an_editors_omission_standing_alone_stays():
    blocks = (Block("quote", "The first part.", (1,)), Block("quote", "[…]", (2,)), Block("quote", "The last.", (3,)))
    kept, changes = remove_truncation_marks(Draft("x", "text", blocks=blocks), PassContext("x", "text"))
    assert kept.blocks == blocks and changes == []
