"""The metrics on tiny inputs: each one rises and falls for the reason it claims to measure."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from roundtrip.align import edit_distance, similar
from roundtrip.document import Block, Body, parse_body, to_markdown
from roundtrip.generate import Recipe, generate
from roundtrip.metrics import Scores, furniture_left, notes_placed, paragraph_breaks, quotes_placed, reading_order, score

P1 = Block("para", "The dockworkers met in the yard behind the weighbridge every evening.")
P2 = Block("para", "Their minutes survive in three archives and show a body that argued.")
P3 = Block("para", "By the winter the committee had been dissolved by order of the ministry.")
P4 = Block("para", "Nobody who attended thought of themselves as making history at all.")


def _naive_distance(first: list[str], second: list[str]) -> int:
    row = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        previous, row[0] = row[0], i
        for j, b in enumerate(second, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (a != b))
    return row[-1]


@given(st.lists(st.sampled_from("abcd"), max_size=14), st.lists(st.sampled_from("abcde"), max_size=14))
def test_edit_distance_equals_the_textbook_dynamic_programme(first, second):
    assert edit_distance(first, second) == _naive_distance(first, second)


def test_edit_distance_handles_texts_longer_than_a_machine_word():
    first = [f"w{i}" for i in range(300)]
    second = first[:100] + ["x"] + first[101:250] + first[260:]
    assert edit_distance(first, second) == 11


def test_a_clean_essay_scores_perfectly_against_itself():
    body = parse_body(to_markdown(generate(5, Recipe(words=1500))))
    metrics = score(body, body, ("12", "Councils Against the Clock")).metrics()
    assert metrics == {"word error rate": 0.0, "paragraph F1": 1.0, "reading order": 1.0,
                       "notes placed": 1.0, "quotes placed": 1.0, "furniture left": 0.0}


def test_word_errors_count_every_changed_word():
    clean = Body((P1,))
    broken = Body((Block("para", P1.text.replace("met in", "metin")),))
    scores = score(clean, broken)
    assert (scores.edits, scores.words) == (2, len(P1.text.split()))


def test_a_merged_paragraph_loses_recall_and_a_split_one_loses_precision():
    clean = Body((P1, P2, P3))
    merged = Body((Block("para", f"{P1.text} {P2.text}"), P3))
    halves = P2.text.split(" and ")
    split = Body((P1, Block("para", halves[0]), Block("para", "and " + halves[1]), P3))
    assert paragraph_breaks(clean, clean) == (2, 2, 2)
    assert paragraph_breaks(clean, merged) == (2, 1, 1)
    assert paragraph_breaks(clean, split) == (2, 3, 2)


def test_a_swapped_pair_of_paragraphs_lowers_reading_order():
    clean = Body((P1, P2, P3, P4))
    assert reading_order(clean, clean) == (3, 3)
    assert reading_order(clean, Body((P1, P3, P2, P4))) == (3, 0)
    assert reading_order(clean, Body((P3, P4, P1, P2))) == (3, 2)


def test_reading_order_does_not_mind_paragraphs_joined_in_order():
    joined = Body((Block("para", f"{P1.text} {P2.text}"), P3, P4))
    assert reading_order(Body((P1, P2, P3, P4)), joined) == (3, 3)


def test_a_note_counts_as_placed_only_at_its_anchor_words():
    clean = Body((Block("para", "The yard was full.[^1] Then the men left."),), {"1": "Minutes, p. 3."})
    renumbered = Body((Block("para", "The yard was full.[^7] Then the men left."),), {"7": "Minutes, p. 3."})
    moved = Body((Block("para", "The yard was full. Then the men left.[^1]"),), {"1": "Minutes, p. 3."})
    lost = Body((Block("para", "The yard was full.[^1] Then the men left."),), {"1": "Another note."})
    assert notes_placed(clean, renumbered)[:2] == (1, 1)
    assert notes_placed(clean, moved)[:2] == (1, 0)
    assert notes_placed(clean, lost)[:2] == (1, 0)


def test_a_quote_counts_as_placed_only_as_a_block_quote_between_its_neighbours():
    intro, quote = Block("para", "The delegates replied:"), Block("quote", "“We did not take the yards.” [A, p. 2]", 1)
    clean = Body((intro, quote, P1))
    assert quotes_placed(clean, clean)[:2] == (1, 1)
    assert quotes_placed(clean, Body((intro, Block("para", quote.text), P1)))[:2] == (1, 0)
    assert quotes_placed(clean, Body((intro, P1, quote)))[:2] == (1, 0)


def test_a_quote_is_placed_by_the_words_around_it_whatever_their_kind():
    intro, quote = Block("para", "The delegates replied:"), Block("quote", "“We did not take the yards.” [A, p. 2]", 1)
    link = Block("para", "See also Greta Holm: The Lost Assemblies")
    as_heading = Block("heading", link.text)
    assert quotes_placed(Body((intro, quote, link, P1)), Body((intro, quote, as_heading, P1)))[:2] == (1, 1)
    assert quotes_placed(Body((intro, quote, link, P1)), Body((intro, quote, P1)))[:2] == (1, 0)


def test_a_quotation_of_two_paragraphs_must_stay_one_quotation():
    intro = Block("para", "The delegates replied:")
    first, second = Block("quote", "“We did not take the yards.", 1), Block("quote", "“Nor the ships.” [A, p. 2]", 1)
    apart = Body((intro, first, Block("quote", second.text, 2), P1))
    assert quotes_placed(Body((intro, first, second, P1)), apart)[:2] == (1, 0)


def test_furniture_left_counts_only_what_the_clean_text_does_not_have():
    clean = Body((Block("para", "See page 12 of the report."),))
    kept = Body((Block("para", "12"), Block("para", "See page 12 of the report."), Block("para", "The Keys")))
    assert furniture_left(clean, clean, ("12", "The Keys"))[:2] == (2, 0)
    assert furniture_left(clean, kept, ("12", "The Keys"))[:2] == (2, 2)


def test_similar_ignores_quote_style_but_not_words():
    assert similar("“It’s ours,” she said.", "\"It's ours,\" she said.")
    assert not similar("The committee met every evening.", "The ministry met every morning.")


def test_scores_pool_counts_across_documents():
    first, second = Scores(words=100, edits=1), Scores(words=300, edits=0, notes=2, notes_placed=1)
    pooled = (first + second).metrics()
    assert pooled["word error rate"] == 0.0025 and pooled["notes placed"] == 0.5
    assert pooled["quotes placed"] is None
