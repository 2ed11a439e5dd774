"""Find note texts where the source left them, and tie them to their markers as [^n]."""

from __future__ import annotations

import re

from .draft import Block, Draft, Line, Note
from .passes import Change, PassContext, register

# A note text at a page foot: its number, a space, then the text; or its number with a stop ("1. ")
# when the page calls that number (else it is a numbered list).
_FOOT_NOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_DOTTED_NOTE = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")
_LONE_NUMBER = re.compile(r"^(\d{1,3})()$")
# A note that ends like this is finished; one that does not may go on at the next page's foot.
_NOTE_FINISHED = re.compile(r"[.!?)\]”\"’]\s*$")
_ADDRESS_PIECE = re.compile(r"^[\w.\-/~%#?=&]*[/.][\w.\-/~%#?=&]*(?:\s|$)")
_MAX_CONTINUED_LINES = 4
# After a rule, a note opens with its number: "<sup>3</sup> text", "[^3]: text", "3. text".
_SUP_NOTE = re.compile(r"^(?:<sup>(\d{1,3})</sup>|\[\^(\d{1,3})\]:?|(\d{1,3})[.)])\s*(.*)$")
_SUP = re.compile(r"<sup>([^<]{1,12})</sup>")
# A converter may number its page separators: "{12}------".
_RULE = re.compile(r"^\s*(?:(?:\{\d+\})?---+|\*\*\*+|___+|[—–]{2,})\s*$")
_PAGE_RULE = re.compile(r"^\s*(?:\{\d+\})?---+\s*$")
# A note's call stands at most this many lines above the note (about a page).
_NOTE_REACH = 80
# Bare page separators, this many or more, show a converter that marks every page's end.
_MARKS_EVERY_PAGE = 2
# A note at a page's foot with no rule above it must be marked as one: "<sup>3</sup> text", "[^3]: text".
_MARKED_NOTE = re.compile(r"^(?:<sup>(\d{1,3})</sup>|\[\^(\d{1,3})\]:?)\s*\S")
# Below a page's notes may stand its folio or running foot ("Reviews | 118"): a short line with a number.
_FOOT_FURNITURE = re.compile(r"^(?=.{1,60}$)(?=.*\d).*$")
_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")


@register("collect-foot-notes")
def collect_foot_notes(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Take numbered note texts from the foot of each page (wrapped lines included).

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "pdf-text", lines=split_lines("Text.1\\n\\n1 A note that\\nwraps."))
    >>> kept, _ = collect_foot_notes(d, PassContext("x", "pdf-text"))
    >>> [l.text for l in kept.lines], kept.notes[0].text
    (['Text.1', ''], 'A note that\\nwraps.')
    """
    lines = list(draft.lines)
    notes: list[Note] = []
    changes: list[Change] = []
    cuts: list[tuple[int, int]] = []
    for page in dict.fromkeys(line.page for line in lines):  # pages in reading order
        indices = [i for i, line in enumerate(lines) if line.page == page]
        start, end = foot_note_start(lines, indices), indices[-1] + 1
        going_on = _note_going_on(lines, indices, start, notes[-1] if notes else None)
        if going_on is not None:
            notes[-1] = _continued(notes[-1], lines[going_on : start if start is not None else end], changes)
            going_on = _rule_above(lines, indices, going_on)
        for rule in (going_on, start):
            if rule is not None and _RULE.match(lines[rule].text):
                changes.append(Change("collect-foot-notes", "removed", lines[rule].line, lines[rule].text.strip(), "",
                                      "rule above the notes"))
                break
        if start is not None:
            page_notes = parse_foot_notes(lines[start:end])
            notes.extend(page_notes)
            changes += [Change("collect-foot-notes", "moved", note.line, note.text, f"[^{note.label}]",
                               "note text at page foot") for note in page_notes]
        first = going_on if going_on is not None else start
        if first is not None:
            cuts.append((first, end))
    for start, end in reversed(cuts):
        del lines[start:end]
    notes = list(draft.notes) + sorted(notes, key=lambda note: note.line)
    return draft.but(lines=tuple(lines), notes=tuple(notes)), changes


def _note_going_on(lines: list[Line], indices: list[int], start: int | None, previous: Note | None) -> int | None:
    """Where the page's foot goes on with the previous page's last note, cut off unfinished.

    The lines in question stand apart (a blank line before them), just above the
    page's own notes or at its very end, and read on: lower case, or the rest
    of a web address or of a hyphenated word.
    """
    if previous is None or _NOTE_FINISHED.search(previous.text):
        return None
    last = (start if start is not None else indices[-1] + 1) - 1
    while last > indices[0] and not lines[last].text.strip():
        last -= 1
    first = last
    while first > indices[0] and lines[first - 1].text.strip():
        first -= 1
    if first == indices[0] or last - first >= _MAX_CONTINUED_LINES:
        return None
    text = lines[first].text.strip()
    if re.search(r"(?:https?://|www\.)\S*$", previous.text):
        reads_on = bool(_ADDRESS_PIECE.match(text)) and " " not in text
    else:
        reads_on = text[:1].islower() or (previous.text.endswith("-") and bool(_ADDRESS_PIECE.match(text)))
    return first if reads_on and not (_FOOT_NOTE.match(text) or _DOTTED_NOTE.match(text)) else None


def _rule_above(lines: list[Line], indices: list[int], index: int) -> int:
    """The rule drawn above the notes that start at `index` (blank lines between), if one is; else `index`."""
    above = index - 1
    while above > indices[0] and not lines[above].text.strip():
        above -= 1
    return above if above > indices[0] and _RULE.match(lines[above].text) else index


def _continued(note: Note, lines: list[Line], changes: list[Change]) -> Note:
    text = "\n".join(line.text.strip() for line in lines if line.text.strip())
    changes.append(Change("collect-foot-notes", "moved", lines[0].line, text, f"[^{note.label}]",
                          "note text continued at the next page's foot"))
    return Note(note.label, f"{note.text}\n{text}", note.line)


def foot_note_start(lines: list[Line], indices: list[int]) -> int | None:
    """Index where the page's foot notes begin: a numbered paragraph after a blank line or a rule.

    A rule drawn above the notes ("_____") belongs to them.
    """
    apart = [i for i in indices if i > indices[0] and lines[i].text.strip()
             and (_gap(lines[i - 1].text) or _called_note_after_sentence(lines, indices, i))]
    start = None
    for i in reversed(apart):
        following = lines[i + 1].text if i + 1 <= indices[-1] else ""
        if _RULE.match(lines[i].text) or not (_opens_note(lines[i].text, following) or _dotted_call(lines, indices, i)):
            break
        if start is not None and _number(lines[i].text) >= _number(lines[start].text):
            break  # numbering starts again: a numbered list above the notes
        start = i
    if start is None:
        start = _numbered_below_rule(lines, indices)
    return _rule_above(lines, indices, start) if start is not None else None


def _numbered_below_rule(lines: list[Line], indices: list[int]) -> int | None:
    """Below a rule drawn at the page's foot, the first note's line, though no blank line stands
    before it: the rest of a note carried on from the page before may stand above it."""
    rule = next((i for i in reversed(indices[1:]) if _RULE.match(lines[i].text)), None)
    if rule is None:
        return None
    below = [i for i in indices if i > rule]
    return next((i for i in below if _opens_note(lines[i].text, lines[i + 1].text if i + 1 in below else "")), None)


def _number(text: str) -> int:
    return int(re.match(r"\s*(\d+)", text).group(1))


def _called_note_after_sentence(lines: list[Line], indices: list[int], index: int) -> bool:
    """A note ("2 Ferrante, p. 51.") straight after a line that ends a sentence, its number called above
    it on the page: the notes go on with no blank line between them and the rest of the one before."""
    note = _FOOT_NOTE.match(lines[index].text.strip())
    return bool(note) and bool(_NOTE_FINISHED.search(lines[index - 1].text)) and _called_above(
        lines, indices, index, note.group(1))


def _called_above(lines: list[Line], indices: list[int], index: int, number: str) -> bool:
    """The page calls note `number` above line `index`, the number glued to a word or a mark."""
    return calls_note(" ".join(lines[i].text for i in indices if i < index), number)


def calls_note(text: str, number: str) -> bool:
    """`text` calls note `number`: the number glued to a word or a mark ("council3", "p. 4.3"), no more digits after it."""
    return bool(re.search(rf"(?:[^\W\d_]|[.,;:!?’”\"')\]]){number}(?![\w])", text))


def _dotted_call(lines: list[Line], indices: list[int], index: int) -> bool:
    """A note numbered "1." whose number the page calls above it, glued to a word."""
    dotted = _DOTTED_NOTE.match(lines[index].text.strip())
    return bool(dotted) and _called_above(lines, indices, index, dotted.group(1))


def _gap(text: str) -> bool:
    return not text.strip() or bool(_RULE.match(text))


def _opens_note(text: str, following: str) -> bool:
    """A note's number and text; or its number alone, its text (a long address) on the next line."""
    text = text.strip()
    return bool(_FOOT_NOTE.match(text)) or (bool(_LONE_NUMBER.match(text)) and bool(following.strip()))


def parse_foot_notes(foot: list[Line]) -> list[Note]:
    """The notes of a page foot: each opens with its number; wrapped lines go on the note before."""
    notes: list[Note] = []
    for index, line in enumerate(foot):
        text = line.text.strip()
        following = foot[index + 1].text if index + 1 < len(foot) else ""
        match = _FOOT_NOTE.match(text) or _LONE_NUMBER.match(text) or _DOTTED_NOTE.match(text)
        opens = _opens_note(text, following) or bool(_DOTTED_NOTE.match(text))
        if match and opens and (not notes or _blank_or_next(notes[-1], match.group(1))):
            notes.append(Note(match.group(1), match.group(2) or "", line.line))
        elif text and notes:
            last = notes[-1]
            notes[-1] = Note(last.label, f"{last.text}\n{text}" if last.text else text, last.line)
    return notes


def _blank_or_next(previous: Note, label: str) -> bool:
    return int(label) == int(previous.label) + 1


@register("collect-rule-notes")
def collect_rule_notes(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Take notes written after a `---` rule as `<sup>N</sup> text`; each rule ends a page.

    A `---` rule with no notes after it is a bare page separator: it goes
    too, and notes marked as such (`<sup>N</sup> text`) at the foot of the
    page it ends are taken, below them perhaps a folio. With no rules at
    all, such notes, called above them, end their page where they stand.

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "markdown", lines=split_lines("Text.<sup>1</sup>\\n\\n---\\n\\n<sup>1</sup> Note.\\n\\nMore."))
    >>> kept, changes = collect_rule_notes(d, PassContext("x", "markdown"))
    >>> [(l.text, l.page) for l in kept.lines if l.text], kept.notes[0].text
    ([('Text.<sup>1</sup>', 0), ('More.', 1)], 'Note.')
    """
    lines, notes, changes = [], list(draft.notes), []
    page, index, source, bare = 0, 0, draft.lines, 0
    # Where nothing marks page ends, a page's foot notes stand between its text and the next page's.
    unmarked = not any(_RULE.match(line.text) for line in source)
    while index < len(source):
        line = source[index]
        end = _rule_notes_end(source, index) if _RULE.match(line.text) else None
        if end is None and _PAGE_RULE.match(line.text):
            changes.append(Change("collect-rule-notes", "removed", line.line, line.text.strip(), "", "page separator"))
            bare += 1
            lines = _take_foot_notes(lines, page, notes, changes)
            page, index = page + (1 if any(kept.text.strip() for kept in lines) else 0), index + 1
            continue
        if end is None and unmarked and _opens_unruled_notes(source, index, lines, page):
            end = _rule_notes_end(source, index - 1)
            for note in _rule_notes(source[index:end]):
                notes.append(note)
                changes.append(Change("collect-rule-notes", "moved", note.line, note.text, f"[^{note.label}]",
                                      "note text at page foot"))
            page, index = page + 1, end
            continue
        if end is None:
            lines.append(Line(line.text, line.line, page))
            index += 1
            continue
        changes.append(Change("collect-rule-notes", "removed", line.line, line.text.strip(), "", "note separator"))
        for note in _rule_notes(source[index + 1 : end]):
            notes.append(note)
            changes.append(Change("collect-rule-notes", "moved", note.line, note.text, f"[^{note.label}]", "note text after rule"))
        page, index = page + 1, end
    lines = _take_foot_notes(lines, page, notes, changes)
    # Separators with no notes after them mark every page, not only those that end with notes.
    return draft.but(lines=tuple(lines), notes=tuple(notes), pages_marked=bare >= _MARKS_EVERY_PAGE), changes


def _opens_unruled_notes(source: tuple[Line, ...], index: int, lines: list[Line], page: int) -> bool:
    """A paragraph opening with a note's mark ("<sup>3</sup> text"), the note called on the page above
    it: a page's foot notes, where the converter drew no rule and marked no page end."""
    mark = _MARKED_NOTE.match(source[index].text.strip())
    if not mark or (index and source[index - 1].text.strip()):
        return False
    number = mark.group(1) or mark.group(2)
    call = re.compile(rf"<sup>{number}</sup>|\[\^{number}\](?!:)")
    return any(line.page == page and not _MARKED_NOTE.match(line.text.strip()) and call.search(line.text)
               for line in lines[-_NOTE_REACH:])


def _take_foot_notes(lines: list[Line], page: int, notes: list[Note], changes: list[Change]) -> list[Line]:
    """`lines` without the marked notes at the foot of `page` (its last paragraphs), which join `notes`.

    Below the notes may stand the page's folio or running foot; each note is
    a paragraph opening with its mark.
    """
    def on_page(index: int) -> bool:
        return index >= 0 and lines[index].page == page

    end = len(lines)
    while on_page(end - 1) and (not lines[end - 1].text.strip() or _foot_furniture(lines[end - 1].text.strip())):
        end -= 1
    start = end
    while True:
        last = start
        while on_page(last - 1) and not lines[last - 1].text.strip():
            last -= 1
        first = last
        while on_page(first - 1) and lines[first - 1].text.strip():
            first -= 1
        if first == last or not _MARKED_NOTE.match(lines[first].text.strip()):
            break
        start = first
    if start == end:
        return lines
    taken = _rule_notes(tuple(lines[start:end]))
    notes.extend(taken)
    changes.extend(Change("collect-rule-notes", "moved", note.line, note.text, f"[^{note.label}]",
                          "note text at page foot") for note in taken)
    return lines[:start] + lines[end:]


def _foot_furniture(text: str) -> bool:
    return bool(_FOOT_FURNITURE.match(text)) and not _MARKED_NOTE.match(text)


def _rule_notes_end(lines: tuple[Line, ...], rule: int) -> int | None:
    """Index just past the notes that follow the rule at `rule`, or None if none do."""
    index, found = rule + 1, False
    while index < len(lines):
        text = lines[index].text.strip()
        if text and not _SUP_NOTE.match(text):
            if not found or not lines[index - 1].text.strip():
                break
        found = found or bool(_SUP_NOTE.match(text))
        index += 1
    return index if found else None


def _rule_notes(lines: tuple[Line, ...]) -> list[Note]:
    notes: list[Note] = []
    for line in lines:
        text = line.text.strip()
        match = _SUP_NOTE.match(text)
        if match:
            notes.append(Note(next(filter(None, match.groups()[:3])), match.group(4), line.line))
        elif text and notes:
            last = notes[-1]
            notes[-1] = Note(last.label, f"{last.text}\n{text}", last.line)
    return notes


@register("link-note-markers")
def link_note_markers(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Turn note markers into [^n]: `<sup>3</sup>`, or digits glued to a word or punctuation.

    A glued number counts as a marker only if a note with that number was
    collected on the same page, so years and figures are left alone.

    >>> from pamphleteer.readers.lines import split_lines
    >>> d = Draft("x", "pdf-text", lines=split_lines("As Hartley3 put it"), notes=(Note("3", "N.", 9),))
    >>> link_note_markers(d, PassContext("x", "pdf-text"))[0].lines[0].text
    'As Hartley[^3] put it'
    """
    lines = list(draft.lines)
    changes: list[Change] = []
    notes = _unique_labels(draft.notes)
    for note, original in zip(notes, draft.notes):
        page = _page_before(draft.lines, note.line)
        on_page = [i for i, line in enumerate(lines) if line.page == page]
        if not _link_one(lines, on_page, original.label, note.label, changes):
            _link_one(lines, range(len(lines)), original.label, note.label, changes)
    lines = [_unwrap_other_sups(line, changes) for line in lines]
    return draft.but(lines=tuple(lines), notes=tuple(notes)), changes


def _page_before(lines: tuple[Line, ...], seed_line: int) -> int | None:
    """The page of the last text line before `seed_line` in the seed: the page a note stood on."""
    before = [line for line in lines if line.line < seed_line]
    return max(before, key=lambda line: line.line).page if before else None


def _unique_labels(notes: tuple[Note, ...]) -> list[Note]:
    """Notes numbered afresh on each page share numbers: later ones get "1.2", "1.3", ..."""
    seen: dict[str, int] = {}
    unique = []
    for note in notes:
        seen[note.label] = seen.get(note.label, 0) + 1
        label = note.label if seen[note.label] == 1 else f"{note.label}.{seen[note.label]}"
        unique.append(Note(label, note.text, note.line))
    return unique


def _marker_patterns(label: str) -> list[re.Pattern[str]]:
    number = re.escape(label)
    return [
        re.compile(rf"<sup>{number}</sup>"),
        # After a letter or closing punctuation, not inside a longer number.
        re.compile(rf"(?<=[^\W\d_][.,;:!?’”\"')\]]){number}(?!\d)|(?<=[^\W\d_]){number}(?![\d\w])|(?<=[.,;:!?’”\"')\]]){number}(?![\d\w])"),
    ]


def _link_one(lines: list[Line], candidates, number: str, label: str, changes: list[Change]) -> bool:
    for pattern in _marker_patterns(number):
        for index in candidates:
            line = lines[index]
            match = pattern.search(line.text)
            if match:
                text = f"{line.text[:match.start()]}[^{label}]{line.text[match.end():]}"
                lines[index] = Line(text, line.line, line.page)
                changes.append(Change("link-note-markers", "replaced", line.line, match.group(0), f"[^{label}]"))
                return True
    return False


def _unwrap_other_sups(line: Line, changes: list[Change]) -> Line:
    """`<sup>th</sup>` and similar are ordinals or exponents, not notes: keep the text."""
    def plain(match: re.Match[str]) -> str:
        changes.append(Change("link-note-markers", "replaced", line.line, match.group(0), match.group(1), "superscript kept as text"))
        return match.group(1)

    return Line(_SUP.sub(plain, line.text), line.line, line.page)


@register("number-notes")
def number_notes(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Number notes 1, 2, 3 in order of their first reference; report orphans either way.

    >>> d = Draft("x", "text", blocks=(Block("para", "A[^7] b[^2].", (1,)),),
    ...           notes=(Note("2", "Two.", 5), Note("7", "Seven.", 4)))
    >>> out, _ = number_notes(d, PassContext("x", "text"))
    >>> out.blocks[0].text, [(n.label, n.text) for n in out.notes]
    ('A[^1] b[^2].', [('1', 'Seven.'), ('2', 'Two.')])
    """
    order: list[str] = []
    for block in draft.blocks:
        order += [label for label in _REFERENCE.findall(block.text) if label not in order]
    by_label = {note.label: note for note in draft.notes}
    changes = [Change("number-notes", "review", draft.blocks[0].line if draft.blocks else 0,
                      f"[^{label}]", "", "note marker without note text")
               for label in order if label not in by_label]
    changes += [Change("number-notes", "review", note.line, note.text, "", "note text without marker; kept at the end")
                for note in draft.notes if note.label not in order]
    linked = [label for label in order if label in by_label]
    unlinked = [note.label for note in draft.notes if note.label not in order]
    numbers = {label: str(n) for n, label in enumerate(linked + unlinked, start=1)}
    renumber = lambda m: f"[^{numbers.get(m.group(1), m.group(1))}]"  # noqa: E731
    blocks = tuple(block.with_text(_REFERENCE.sub(renumber, block.text)) for block in draft.blocks)
    notes = tuple(
        Note(numbers[label], _REFERENCE.sub(renumber, by_label[label].text), by_label[label].line)
        for label in linked + unlinked
    )
    return draft.but(blocks=blocks, notes=notes), changes
