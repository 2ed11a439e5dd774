"""Citations written out in notes: "Author, *Title*, details, p. 3", "quoted in Author", a bare URL."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..citation_forms import LOCATOR_PART, PAGE_RUN, Locator, parse_pages, volume_label
from .citation_works import Found, Ledger, WorkIndex, distance, tokens

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_URL = re.compile(r"^<?(https?://\S+?)>?\.?$")
_OPENERS = {"*": "*", "_": "_", "“": "”", '"': '"', "‘": "’"}
_SEPARATOR = re.compile(r"\s*,\s*")
_SEGMENT = re.compile(r"(?:in\s+)?[^,;()]+?(?=\s*(?:[,;(]|\.(?:\s|$)|$))")
_RELATION = re.compile(
    r"\b(?i:quoted|cited|reprinted)\s+(?i:in|by)\s+(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
    rf"(?:\s*,\s*(?P<run>{PAGE_RUN}))?")

Span = tuple[int, int, Found, Locator]


def bare_url(text: str) -> str:
    """The address, if a note is nothing but one.

    >>> bare_url("https://example.org/a/ "), bare_url("See https://example.org.")
    ('https://example.org/a/', '')
    """
    match = _URL.match(text.strip())
    return match.group(1) if match else ""


def _words(text: str) -> list[tuple[str, int, int]]:
    """Comparable words with where each stands in `text`."""
    return [(word, m.start(), m.end()) for m in _WORD.finditer(text) for word in tokens(m.group(0))]


def reference_spans(text: str, index: WorkIndex, ledger: Ledger, context: str) -> Iterator[Span]:
    """Full references written out: a known title, marked as one (italics, quotes) or after its author.

    >>> from pamphleteer.project.references import parse_references
    >>> refs = parse_references("- {id: d-h, type: book, title: Harbour Workers, author: [{family: Doe, given: Jane}]}")
    >>> text = "Jane Doe, *Harbour Workers*, pp. 140-141. See also"
    >>> [(text[s:e], str(loc)) for s, e, _, loc in reference_spans(text, WorkIndex(refs), Ledger(), "")]
    [('Jane Doe, *Harbour Workers*, pp. 140-141', 'pp. 140–141')]
    """
    words = _words(text)
    sequence = [word for word, _, _ in words]
    spans: list[Span] = []
    for key, form in index.title_forms():
        for at in _starts(sequence, form):
            span = _reference_span(text, words, at, len(form), key, index)
            if span:
                spans.append(span)
    yield from _without_overlaps(spans)


def _starts(sequence: list[str], form: list[str]) -> list[int]:
    width = len(form)
    return [i for i in range(len(sequence) - width + 1) if sequence[i:i + width] == form]


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _reference_span(text: str, words, at: int, width: int, key: str, index: WorkIndex) -> Span | None:
    start, end = words[at][1], words[at + width - 1][2]
    marked, start, end = _title_markup(text, start, end)
    author = _author_before(text, words, at, key, index)
    if not marked and author is None:
        return None
    end, locator = _details_after(text, end, key, index)
    spelt = author is not None and not all(w in index.name_words(key) or w == "and" for w in _words_between(words, author, at))
    found = Found(key, "author’s name spelt otherwise in the references" if spelt else "")
    return (start if author is None else author, end, found, index.belongs(key, locator))


def _words_between(words, start: int, at: int) -> list[str]:
    return [word for word, begin, _ in words[:at] if begin >= start]


def _title_markup(text: str, start: int, end: int) -> tuple[bool, int, int]:
    """Widen a title over the italics or quotes around it ("“Title,”" keeps its comma inside)."""
    opener = text[start - 1] if start > 0 else ""
    closer = _OPENERS.get(opener)
    if closer is None:
        return False, start, end
    for tail in (closer, f",{closer}", f".{closer}"):
        if text.startswith(tail, end):
            return True, start - 1, end + len(tail)
    return False, start, end


def _author_before(text: str, words, at: int, key: str, index: WorkIndex) -> int | None:
    """Where the work's author's name starts, if it stands right before the title."""
    names = index.name_words(key)
    if at == 0 or not re.fullmatch(r"[\s,]*[*_“\"‘]?", text[words[at - 1][2]:words[at][1]]):
        return None
    first = None
    for j in range(at - 1, -1, -1):
        word, begin, finish = words[j]
        gap = text[finish:words[j + 1][1]] if j + 1 < at else ""
        if not _a_name(word, names) or not re.fullmatch(r"[\s.,]*[*_“\"‘]?", gap):
            break
        first = j
    while first is not None and first < at and words[first][0] == "and":
        first += 1
    if first is None or first >= at or not index.has_family(key, [w for w, _, _ in words[first:at]]):
        return None
    return words[first][1]


def _a_name(word: str, names: frozenset[str]) -> bool:
    """A word of the names, "and", or a spelling one letter away ("Karin" for "Carin")."""
    return word in names or word == "and" or (len(word) >= 5 and any(distance(word, name) == 1 for name in names))


def _details_after(text: str, end: int, key: str, index: WorkIndex) -> tuple[int, Locator]:
    """Go on over ", details" the entry explains and ", p. 3" locators; stop at anything else."""
    volume, pages = "", ()
    # A quoted title keeps its comma inside the quotes: “Title,” in *Book*.
    first = re.compile(r"\s+") if text[end - 2:end] in (",”", ',"', ",’") else _SEPARATOR
    while separator := (first if first.match(text, end) else _SEPARATOR).match(text, end):
        first = _SEPARATOR
        part = LOCATOR_PART.match(text, separator.end())
        segment = _SEGMENT.match(text, separator.end())
        if part and (part.group("volume") or part.group("run")):
            volume = volume_label(part.group("volume")) if part.group("volume") else volume
            pages = pages + parse_pages(part.group("run")) if part.group("run") else pages
            end = part.end()
        elif segment and index.explains(key, tokens(segment.group(0))):
            end = segment.end()
        else:
            break
    return end, Locator(volume, pages)


def relation_spans(text: str, index: WorkIndex, ledger: Ledger, context: str) -> Iterator[Span]:
    """Short forms after "quoted in" or "cited in": an author's name and perhaps pages.

    >>> from pamphleteer.project.references import parse_references
    >>> refs = parse_references("- {id: s-w, type: book, title: Workers, author: [{family: Smith, given: A.}]}")
    >>> text = "Quoted in Smith, p. 320."
    >>> [(text[s:e], f.key, str(loc)) for s, e, f, loc in relation_spans(text, WorkIndex(refs), Ledger(), "")]
    [('Smith, p. 320', 's-w', 'p. 320')]
    """
    for match in _RELATION.finditer(text):
        found = index.by_author(match.group("name"), ledger, context)
        if found:
            locator = Locator("", parse_pages(match.group("run") or ""))
            yield match.start("name"), match.end(), found, locator
