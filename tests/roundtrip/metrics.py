"""Score a normalised chapter body against the clean essay it was broken from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from .align import anchor_positions, edit_distance, index_map, norm, plain, similar, words
from .document import MARKER, Block, Body

# The words before a note marker that name its anchor ("... the working day[^3]").
_CONTEXT_WORDS = 3
_EXAMPLES = 6


@dataclass
class Scores:
    """Counts behind each metric; sums of Scores give the scores of a whole corpus."""

    words: int = 0
    edits: int = 0
    clean_breaks: int = 0
    found_breaks: int = 0
    right_breaks: int = 0
    successions: int = 0
    kept_successions: int = 0
    notes: int = 0
    notes_placed: int = 0
    quotes: int = 0
    quotes_placed: int = 0
    furniture: int = 0
    furniture_left: int = 0
    problems: dict[str, list[str]] = field(default_factory=dict)

    def __add__(self, other: Scores) -> Scores:
        counts = {f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self) if f.name != "problems"}
        problems = {key: self.problems.get(key, []) + other.problems.get(key, [])
                    for key in dict.fromkeys([*self.problems, *other.problems])}
        return Scores(**counts, problems=problems)

    def metrics(self) -> dict[str, float | None]:
        """Each metric's value, or None where the corpus gives it nothing to count."""
        precision = _ratio(self.right_breaks, self.found_breaks)
        recall = _ratio(self.right_breaks, self.clean_breaks)
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0 if self.clean_breaks else None
        return {
            "word error rate": _ratio(self.edits, self.words),
            "paragraph F1": f1,
            "reading order": _ratio(self.kept_successions, self.successions),
            "notes placed": _ratio(self.notes_placed, self.notes),
            "quotes placed": _ratio(self.quotes_placed, self.quotes),
            "furniture left": float(self.furniture_left) if self.furniture else None,
        }


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def score(clean: Body, output: Body, furniture: tuple[str, ...] = ()) -> Scores:
    """All metrics of one document; `furniture` is what the degrader put in that must not stay."""
    scores = Scores()
    scores.words, scores.edits = _word_errors(clean, output)
    scores.clean_breaks, scores.found_breaks, scores.right_breaks = paragraph_breaks(clean, output)
    scores.successions, scores.kept_successions = reading_order(clean, output)
    scores.notes, scores.notes_placed, scores.problems["notes"] = notes_placed(clean, output)
    scores.quotes, scores.quotes_placed, scores.problems["quotes"] = quotes_placed(clean, output)
    scores.furniture, scores.furniture_left, scores.problems["furniture"] = furniture_left(clean, output, furniture)
    return scores


def _text_words(body: Body) -> list[str]:
    """Body words, then note words in note order: the text word error rate compares."""
    notes = [body.notes[label] for label in sorted(body.notes, key=_label_order)]
    return [word for text in [b.text for b in body.blocks] + notes for word in words(text)]


def _label_order(label: str) -> tuple[int, str]:
    return (int(label), "") if label.isdigit() else (1 << 30, label)


def _word_errors(clean: Body, output: Body) -> tuple[int, int]:
    reference = _text_words(clean)
    return len(reference), edit_distance(reference, _text_words(output))


def normed_words(body: Body) -> tuple[list[str], list[int]]:
    """Lining-up words of the body, and the index of the block each comes from."""
    sequence, owners = [], []
    for index, block in enumerate(body.blocks):
        for word in filter(None, map(norm, words(block.text))):
            sequence.append(word)
            owners.append(index)
    return sequence, owners


def block_starts(owners: list[int]) -> list[int]:
    """Indices where a new block begins (the first block's start is no boundary)."""
    return [i for i in range(1, len(owners)) if owners[i] != owners[i - 1]]


def paragraph_breaks(clean: Body, output: Body) -> tuple[int, int, int]:
    """Block boundaries: (in the clean text, in the output, output ones at a clean boundary).

    >>> clean = Body((Block("para", "a b."), Block("para", "c d.")))
    >>> paragraph_breaks(clean, Body((Block("para", "a b. c d."),)))
    (1, 0, 0)
    """
    clean_words, clean_owners = normed_words(clean)
    output_words, output_owners = normed_words(output)
    mapping = index_map(clean_words, output_words)
    wanted = set(block_starts(clean_owners))
    found = {mapping[j] for j in block_starts(output_owners)}
    return len(wanted), len(block_starts(output_owners)), len(found & wanted)


def reading_order(clean: Body, output: Body) -> tuple[int, int]:
    """Successions of clean blocks: (how many, how many the output keeps as next-after).

    Each clean block is placed by its anchors; a succession is kept when the
    next anchored clean block is also the next one in the output.

    >>> a, b, c = (Block("para", f"{w} one two three four five") for w in "xyz")
    >>> reading_order(Body((a, b, c)), Body((a, c, b)))
    (2, 0)
    """
    clean_words, owners = normed_words(clean)
    positions = anchor_positions(clean_words, owners, normed_words(output)[0])
    placed = sorted(positions)
    by_position = sorted(placed, key=lambda block: (positions[block], block))
    follower = dict(zip(by_position, by_position[1:]))
    kept = sum(1 for block, after in zip(placed, placed[1:]) if follower.get(block) == after)
    return max(len(placed) - 1, 0), kept


def notes_placed(clean: Body, output: Body) -> tuple[int, int, list[str]]:
    """Notes whose text is in the output and whose marker follows the same words as in the clean text.

    >>> clean = Body((Block("para", "It was late.[^1] We left."),), {"1": "A note."})
    >>> notes_placed(clean, Body((Block("para", "It was[^1] late. We left."),), {"1": "A note."}))[:2]
    (1, 0)
    """
    clean_contexts, output_contexts = _marker_contexts(clean), _marker_contexts(output)
    placed, problems = 0, []
    for label, text in clean.notes.items():
        context = clean_contexts.get(label, [()])[0]
        matches = [other for other, candidate in output.notes.items() if similar(text, candidate)]
        if any(context in output_contexts.get(other, []) for other in matches):
            placed += 1
        elif len(problems) < _EXAMPLES:
            where = " ".join(context) or "?"
            problems.append(f"note {label} after “{where}”: " + ("text not found" if not matches else "marker elsewhere"))
    return len(clean.notes), placed, problems


def _marker_contexts(body: Body) -> dict[str, list[tuple[str, ...]]]:
    """For each note label, the words before each of its markers (lining-up form)."""
    contexts: dict[str, list[tuple[str, ...]]] = {}
    for block in body.blocks:
        before: list[str] = []
        for token in block.text.split():
            host = norm(plain(token))
            if host:
                before.append(host)
            for label in MARKER.findall(token):
                contexts.setdefault(label, []).append(tuple(before[-_CONTEXT_WORDS:]))
    return contexts


def quotes_placed(clean: Body, output: Body) -> tuple[int, int, list[str]]:
    """Quotations present as one block quote, between the same neighbours as in the clean text.

    >>> a, q, b = Block("para", "He said:"), Block("quote", "“No.”", 1), Block("para", "Then he left.")
    >>> quotes_placed(Body((a, q, b)), Body((a, b, q)))[:2]
    (1, 0)
    """
    placed, problems, quotations = 0, [], _quotations(clean.blocks)
    for start, end in quotations:
        found = _find_quotation(clean.blocks, start, end, output.blocks)
        if found is not None and _same_neighbours(clean.blocks, (start, end), output.blocks, found):
            placed += 1
        elif len(problems) < _EXAMPLES:
            opening = " ".join(words(clean.blocks[start].text)[:6])
            problems.append(f"quote “{opening} …”: " + ("not a block quote" if found is None else "misplaced"))
    return len(quotations), placed, problems


def _quotations(blocks: tuple[Block, ...]) -> list[tuple[int, int]]:
    """(first, last + 1) block indices of each quotation."""
    spans: list[tuple[int, int]] = []
    for index, block in enumerate(blocks):
        if block.kind != "quote":
            continue
        if spans and spans[-1][1] == index and blocks[index - 1].group == block.group:
            spans[-1] = (spans[-1][0], index + 1)
        else:
            spans.append((index, index + 1))
    return spans


def _find_quotation(clean: tuple[Block, ...], start: int, end: int, output: tuple[Block, ...]) -> tuple[int, int] | None:
    """Where the output has the quotation's paragraphs as consecutive quotes of one group."""
    size = end - start
    for first in range(len(output) - size + 1):
        run = output[first : first + size]
        if all(b.kind == "quote" and b.group == run[0].group for b in run) and all(
                similar(c.text, o.text) for c, o in zip(clean[start:end], run)):
            return first, first + size
    return None


def _same_neighbours(clean: tuple[Block, ...], span: tuple[int, int], output: tuple[Block, ...],
                     found: tuple[int, int]) -> bool:
    """The blocks just before and after end and begin with the same words.

    A quotation that ends the clean text only needs the same block before it.
    """
    before = _edge(_neighbour(clean, span[0] - 1), -1) == _edge(_neighbour(output, found[0] - 1), -1)
    following = _neighbour(clean, span[1])
    return before and (following is None or _edge(following, 1) == _edge(_neighbour(output, found[1]), 1))


def _neighbour(blocks: tuple[Block, ...], index: int) -> Block | None:
    return blocks[index] if 0 <= index < len(blocks) else None


def _edge(block: Block | None, side: int) -> tuple[str, ...]:
    if block is None:
        return ()
    sequence = [w for w in map(norm, words(block.text)) if w]
    return tuple(sequence[-4:] if side < 0 else sequence[:4])


def furniture_left(clean: Body, output: Body, furniture: tuple[str, ...]) -> tuple[int, int, list[str]]:
    """Pieces of furniture the output has more often than the clean text (each counted once per insertion).

    >>> body = Body((Block("para", "Text on page 12 of 40."),))
    >>> furniture_left(body, Body((Block("para", "12"), *body.blocks)), ("12", "13"))
    (2, 1, ['“12” ×1'])
    """
    clean_text, output_text = _all_text(clean), _all_text(output)
    left, problems = 0, []
    for piece in dict.fromkeys(furniture):
        pattern = re.compile(rf"(?<!\w){re.escape(' '.join(piece.split()))}(?!\w)")
        extra = len(pattern.findall(output_text)) - len(pattern.findall(clean_text))
        extra = min(max(extra, 0), furniture.count(piece))
        left += extra
        if extra and len(problems) < _EXAMPLES:
            problems.append(f"“{piece}” ×{extra}")
    return len(furniture), left, problems


def _all_text(body: Body) -> str:
    return "\n".join(" ".join(plain(text).split()) for text in [b.text for b in body.blocks] + list(body.notes.values()))
