"""Differences between two versions of a text, paragraph by paragraph and word by word, for people to read."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|[^\s]+")
_CONTEXT = 4  # words kept either side of a change
_SIMILAR = 0.5  # paragraphs this alike are one paragraph changed, not one removed and one added


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's text (white space collapsed) and where it is ("line 12", "paragraph 3")."""

    text: str
    where: str = ""


@dataclass(frozen=True)
class Change:
    """One paragraph changed, added or removed."""

    kind: str  # "changed" | "added" | "removed"
    old: Paragraph | None
    new: Paragraph | None

    def describe(self) -> str:
        """One line: where, and what.

        >>> old, new = Paragraph("the tenats assembly", "line 3"), Paragraph("the tenants assembly", "line 4")
        >>> Change("changed", old, new).describe()
        'line 4: the [-tenats-]{+tenants+} assembly'
        """
        if self.kind == "added":
            return f"{self.new.where}: added: “{shorten(self.new.text)}”"
        if self.kind == "removed":
            return f"removed (was {self.old.where}): “{shorten(self.old.text)}”"
        return f"{self.new.where}: {word_diff(self.old.text, self.new.text)}"


def paragraphs(body: str, first_line: int = 1) -> list[Paragraph]:
    """The paragraphs of a Markdown body: runs of lines between blank lines.

    >>> paragraphs("One\\ntwo.\\n\\n\\nThree.\\n", 5)
    [Paragraph(text='One two.', where='line 5'), Paragraph(text='Three.', where='line 9')]
    """
    found, current, start = [], [], first_line
    for number, line in enumerate(body.split("\n"), start=first_line):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            found.append(Paragraph(" ".join(current), f"line {start}"))
            current = []
    if current:
        found.append(Paragraph(" ".join(current), f"line {start}"))
    return found


def compare(old: list[Paragraph], new: list[Paragraph]) -> list[Change]:
    """The paragraphs that changed, were added or were removed, in reading order."""
    matcher = difflib.SequenceMatcher(None, [p.text for p in old], [p.text for p in new], autojunk=False)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changes += _pair(old[i1:i2], new[j1:j2])
    return changes


def _pair(old: list[Paragraph], new: list[Paragraph]) -> list[Change]:
    """Pair replaced paragraphs in order while they stay alike; the rest were added or removed."""
    changes = []
    while old and new and difflib.SequenceMatcher(None, old[0].text, new[0].text).ratio() >= _SIMILAR:
        changes.append(Change("changed", old.pop(0), new.pop(0)))
    changes += [Change("removed", paragraph, None) for paragraph in old]
    changes += [Change("added", None, paragraph) for paragraph in new]
    return changes


def word_diff(old: str, new: str) -> str:
    """The changes between two paragraphs as [-removed-]{+added+}, with a few words of context.

    >>> word_diff("one two three four five six seven eight nine ten", "one two three four five six seven eight nine 10")
    '… six seven eight nine [-ten-]{+10+}'
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    parts: list[str] = []
    opcodes = _merged(a, difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            parts.append(_context(a[i1:i2], first=index == 0, last=index == len(opcodes) - 1))
            continue
        if i2 > i1:
            parts.append(f"[-{''.join(a[i1:i2])}-]")
        if j2 > j1:
            parts.append(f"{{+{''.join(b[j1:j2])}+}}")
    return "".join(parts)


def _merged(a: list[str], opcodes: list[tuple]) -> list[tuple]:
    """Changes apart by white space only become one change: "[-a b-]{+b a+}", not two.

    >>> _merged(["x", " ", "y"], [("replace", 0, 1, 0, 1), ("equal", 1, 2, 1, 2), ("replace", 2, 3, 2, 3)])
    [('replace', 0, 3, 0, 3)]
    """
    merged: list[tuple] = []
    for opcode in opcodes:
        tag, i1, i2, j1, j2 = opcode
        gap = len(merged) >= 2 and merged[-1][0] == "equal" and merged[-2][0] != "equal"
        if tag != "equal" and gap and all(token.isspace() for token in a[merged[-1][1]:merged[-1][2]]):
            merged[-2:] = [("replace", merged[-2][1], i2, merged[-2][3], j2)]
        else:
            merged.append(opcode)
    return merged


def _context(tokens: list[str], first: bool, last: bool) -> str:
    """Unchanged words between changes, cut to a few words on the side of each change."""
    keep = 2 * _CONTEXT  # words and the spaces between them
    if len(tokens) <= keep * (1 if first or last else 2) + 1:
        return "".join(tokens)
    after = "" if first else "".join(tokens[:keep]).rstrip() + " "
    before = "" if last else " " + "".join(tokens[-keep:]).lstrip()
    return f"{after}…{before}"


def shorten(text: str, limit: int = 80) -> str:
    """The text cut to about `limit` characters at a word.

    >>> shorten("a " * 50, 10)
    'a a a a a …'
    """
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
