"""Split a seed into numbered lines."""

from __future__ import annotations

from ..normalise.draft import Line


def split_lines(source: str) -> tuple[Line, ...]:
    """Number the lines of `source` from 1; a form feed starts its own line.

    >>> [(l.text, l.line) for l in split_lines("a\\nb\\fc")]
    [('a', 1), ('b', 2), ('\\x0c', 2), ('c', 2)]
    """
    lines: list[Line] = []
    for number, text in enumerate(source.split("\n"), start=1):
        parts = text.split("\f")
        for index, part in enumerate(parts):
            if index:
                lines.append(Line("\f", number))
            if part or len(parts) == 1:
                lines.append(Line(part, number))
    while lines and not lines[-1].text.strip():
        lines.pop()
    return tuple(lines)
