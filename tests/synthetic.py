"""Made-up documents and the damage PDF extraction does to them, for round-trip tests of page passes.

`essay()` writes a clean essay of invented prose with headings and notes;
`typeset()` wraps, hyphenates and paginates it; `pdf_text()` and
`markdown()` render the pages as an extractor would, and `impose()`,
`shuffle()` and `interleave()` put the pages out of order.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import pyphen

_SUBJECTS = [
    "the weavers", "the river guild", "a small cooperative", "the town council", "Anna Lindqvist",
    "the railway workers", "the harbour committee", "the printers", "Jonas Ekberg", "the dock assembly",
    "the tenants", "the miners of the northern valley", "the federation", "the elected delegates",
    "the bakers' union", "Clara Moreau", "the apprentices", "the regional congress", "the teachers",
    "the farm labourers", "Pedro Alcántara", "the editors", "the members", "the shop stewards",
]
_VERBS = [
    "organised", "questioned", "rebuilt", "described", "negotiated", "defended", "rejected", "financed",
    "documented", "coordinated", "administered", "reconsidered", "published", "abandoned", "supported",
    "criticised", "transformed", "accepted", "investigated", "announced", "recommended", "challenged",
]
_OBJECTS = [
    "the night shifts", "their own schedules", "a common fund", "the distribution of bread",
    "the accounts of the mill", "every proposal from the management", "the new regulations",
    "a plan for collective housing", "the responsibilities of each workshop", "the transport of timber",
    "the cooperative bakery", "an independent newspaper", "the administration of the harbour",
    "the representatives of the neighbouring districts", "the hours of the apprentices",
    "a library for the workers", "the prices of coal and grain", "the conditions in the spinning rooms",
    "the rules of the assembly", "the organisational questions of the federation",
]
_ADVERBIALS = [
    "in the spring of 1911", "after the long strike", "without any outside help", "within a few weeks",
    "despite considerable opposition", "during the harsh winter", "with remarkable patience",
    "for the first time", "in the neighbouring towns", "at the annual congress", "before the elections",
    "under difficult circumstances", "by common agreement", "over several months",
]
_OPENERS = [
    "However,", "Meanwhile,", "In practice,", "At first", "Later", "Even so,", "As a result,",
    "In the end,", "Nevertheless,", "For a while", "By then", "In many places",
]
_CLAUSES = [
    "because {s} had {v} {o}", "while {s} {v} {o}", "although {s} {v} {o}", "so that {s} {v} {o}",
    "and {s} {v} {o} {a}", "which meant that {s} {v} {o}",
]
_HEADINGS = [
    "The First Assemblies", "Bread and Coal", "A Newspaper of Their Own", "The Winter Crisis",
    "Councils and Committees", "The Question of Delegates", "What the Harbour Learned", "After the Strike",
    "Housing and the Common Fund", "The Regional Congress", "Lessons for Today", "Timber and Transport",
]
_NOTES = [
    "Anna Lindqvist, Notes from the Mill Towns, p. {n}.",
    "Minutes of the regional congress, session {n}, in the federation's archive.",
    "https://example.org/archive/assemblies/report-{n}-annual-proceedings",
    "Jonas Ekberg, A History of the River Guild (Lund: Workers' Press, 19{n}), pp. {n}-{m}.",
    "Quoted in Clara Moreau, The Harbour Committees, chapter {n}; the translation is the author's own.",
]


@dataclass
class Essay:
    """A clean essay: blocks of ("heading"|"para", text) and notes, numbered from 1."""

    title: str
    author: str
    blocks: list[tuple[str, str]]
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The essay as a reader should get it, markers as [^n] and notes at the end."""
        notes = [f"[^{number}]: {text}" for number, text in enumerate(self.notes, start=1)]
        return "\n\n".join([text for _, text in self.blocks] + notes)


def essay(seed: int, paragraphs: int = 40, notes: int = 6) -> Essay:
    """An essay of invented prose: paragraphs, a heading every few, notes at chosen words."""
    rng = random.Random(seed)
    blocks: list[tuple[str, str]] = []
    headings = rng.sample(_HEADINGS, len(_HEADINGS))
    note_at = set(rng.sample(range(2, paragraphs), min(notes, paragraphs - 2)))
    texts = []
    for index in range(paragraphs):
        if index and index % 7 == 0 and headings:
            blocks.append(("heading", headings.pop()))
        text = " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))
        if index in note_at:
            texts.append(rng.choice(_NOTES).format(n=rng.randint(10, 99), m=rng.randint(100, 199)))
            text = _put_marker(text, len(texts), rng)
        blocks.append(("para", text))
    return Essay("Councils of the River Towns", "Anna Lindqvist", blocks, texts)


def _sentence(rng: random.Random) -> str:
    pick = rng.choice
    words = f"{pick(_SUBJECTS)} {pick(_VERBS)} {pick(_OBJECTS)}"
    if rng.random() < 0.5:
        words += f" {pick(_ADVERBIALS)}"
    if rng.random() < 0.5:
        clause = pick(_CLAUSES).format(s=pick(_SUBJECTS), v=pick(_VERBS), o=pick(_OBJECTS), a=pick(_ADVERBIALS))
        words += f", {clause}"
    if rng.random() < 0.4:
        opener = pick(_OPENERS)
        words = f"{opener} {words}"
    return words[0].upper() + words[1:] + "."


def _put_marker(text: str, number: int, rng: random.Random) -> str:
    ends = [m.end() for m in re.finditer(r"[a-z][.,]", text)]
    at = rng.choice(ends)
    return f"{text[:at]}[^{number}]{text[at:]}"


@dataclass
class Page:
    """One typeset page: body lines (blank = paragraph break) and foot notes (number, lines)."""

    lines: list[str]
    notes: list[tuple[int, list[str]]] = field(default_factory=list)
    number: int = 0


def typeset(document: Essay, width: int = 62, height: int = 34) -> list[Page]:
    """Wrap and hyphenate the essay and break it into pages with notes at their feet."""
    hyphenator = pyphen.Pyphen(lang="en_US")
    lines: list[str] = []
    for kind, text in document.blocks:
        lines += _wrap(text, width, hyphenator) if kind == "para" else [text]
        lines.append("")
    pages: list[Page] = []
    current = Page([])
    for line in lines:
        used = len(current.lines) + sum(len(body) + 1 for _, body in current.notes)
        if used >= height and line:
            pages.append(current)
            current = Page([])
        if not current.lines and not line:
            continue
        current.lines.append(line)
        for number in map(int, re.findall(r"\[\^(\d+)\]", line)):
            current.notes.append((number, _wrap(f"{number} {document.notes[number - 1]}", width, hyphenator)))
    pages.append(current)
    for number, page in enumerate(pages, start=1):
        page.number = number
    return pages


def _wrap(text: str, width: int, hyphenator: pyphen.Pyphen) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            head, tail = _hyphenate(word, width - len(current) - 1, hyphenator)
            lines.append(f"{current} {head}" if head else current)
            current = tail
    return lines + [current]


def _hyphenate(word: str, room: int, hyphenator: pyphen.Pyphen) -> tuple[str, str]:
    """Split a long plain word at the last hyphenation point that fits in `room`."""
    if len(word) < 8 or not word.isalpha() or room < 4:
        return "", word
    split = hyphenator.wrap(word, room)
    return split if split else ("", word)


def pdf_text(pages: list[Page], folios: bool = True, heads: tuple[str, str] | None = None, folio: str = "{}") -> list[str]:
    """Each page as extracted text: glued note digits, notes at the foot, a folio, running heads.

    `folio` formats the page number ("{}", "- {} -", "Page {}"); with "{head} {}" the number
    goes in the running head instead of a line of its own.
    """
    out = []
    for page in pages:
        lines = [re.sub(r"\[\^(\d+)\]", r"\1", line) for line in page.lines]
        while lines and not lines[-1]:
            lines.pop()
        head = heads[page.number % 2] if heads else ""
        if heads:
            lines = [folio.format(page.number, head=head) if "{head}" in folio else head, *lines]
        if page.notes:
            lines += ["", *(line for _, body in page.notes for line in body)]
        if folios and "{head}" not in folio:
            lines += ["", folio.format(page.number)]
        out.append("\n".join(lines))
    return out


def markdown(pages: list[Page], heads: tuple[str, str] | None = None) -> list[str]:
    """Each page as Markdown converted from a PDF: one paragraph per line, notes after a rule.

    With `heads`, each page opens with a running head as a paragraph of its own.
    """
    out = []
    for page in pages:
        paragraphs = " ".join(line if line else "\n\n" for line in page.lines).replace(" \n\n ", "\n\n")
        paragraphs = re.sub(r"(\w)- (\w)", _closer, paragraphs)
        text = re.sub(r"\[\^(\d+)\]", r"<sup>\1</sup>", paragraphs.strip())
        if page.notes:
            notes = [re.sub(r"^(\d+) ", r"<sup>\1</sup> ", " ".join(body)) for _, body in page.notes]
            text += "\n\n---\n\n" + "\n\n".join(notes)
        out.append(f"{heads[page.number % 2]}\n\n{text}" if heads else text)
    return out


def _closer(match: re.Match[str]) -> str:
    return match.group(1) + match.group(2)


def impose(texts: list[str], front: int = 0, back: int = 0) -> tuple[list[str], list[int]]:
    """Pages in the sheet order of a saddle-stitched booklet, `front`/`back` pages lost.

    Returns the texts in sheet order and, for each, its index in reading order.
    """
    total = -(-(len(texts) + front + back) // 4) * 4
    back = total - len(texts) - front
    order = []
    for side in range(total // 2):
        low, high = side + 1, total - side
        order += [high, low] if side % 2 == 0 else [low, high]
    present = [number - front - 1 for number in order if front < number <= total - back]
    return [texts[index] for index in present], present


def shuffle(texts: list[str], seed: int) -> tuple[list[str], list[int]]:
    """Pages in a random order; returns the texts and each one's index in reading order."""
    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    return [texts[index] for index in order], order


def interleave(first: str, second: str) -> str:
    """The lines of two pages that share a sheet side, taken alternately."""
    a, b = first.split("\n"), second.split("\n")
    merged = [line for pair in zip(a, b) for line in pair]
    longer = a if len(a) > len(b) else b
    return "\n".join(merged + longer[min(len(a), len(b)) :])


def words(text: str) -> list[str]:
    """Words for comparing texts: letters and digits only, note markers dropped."""
    text = re.sub(r"\[\^\d+\]|<sup>\d+</sup>", " ", text)
    return re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text.replace("’", "'").lower())


def drop_spaces(text: str, seed: int, share: float = 0.01) -> tuple[str, int]:
    """Remove a share of the spaces between words (after letters or a full stop), as extraction does.

    Returns the damaged text and how many spaces were dropped.
    """
    rng = random.Random(seed)
    spaces = [m.start() for m in re.finditer(r"(?<=[a-z.,]) (?=[A-Za-z])", text)]
    dropped = sorted(rng.sample(spaces, int(len(spaces) * share)))
    for index in reversed(dropped):
        text = text[:index] + text[index + 1 :]
    return text, len(dropped)


def side_by_side(first: str, second: str) -> str:
    """Two pages laid out side by side on one sheet side, as a layout-keeping extractor gives them."""
    a, b = first.split("\n"), second.split("\n")
    width = max(len(line) for line in a) + 6
    rows = [(a[i] if i < len(a) else "", b[i] if i < len(b) else "") for i in range(max(len(a), len(b)))]
    return "\n".join(f"{left:<{width}}{right}".rstrip() for left, right in rows)
