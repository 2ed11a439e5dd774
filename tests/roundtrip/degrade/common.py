"""Damage shared by the degraders: page orders (booklet, shuffle), interleaved sheets, inline breakage."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..document import MARKER

COVER, BACK, BLANK = "cover", "back", "blank"


@dataclass(frozen=True)
class Degraded:
    """A broken source made from a clean essay.

    Attributes:
        kind: The `--from` kind the source is read as.
        source: The source text.
        furniture: Every piece of page furniture or web boilerplate put in;
            none of it may survive into the chapter body.
        story: What was done, for reports (e.g. the page order).
    """

    kind: str
    source: str
    furniture: tuple[str, ...]
    story: str


def booklet_order(pages: int) -> list[int | str]:
    """Extraction order of a saddle-stitched booklet: content pages 0.., with cover, blanks and back.

    The booklet is the cover, the content pages, blanks to fill the last
    sheet, and the back; each sheet side holds two pages, outer ones first.

    >>> booklet_order(5)
    ['back', 'cover', 0, 'blank', 4, 1, 2, 3]
    """
    total = -(-(pages + 2) // 4) * 4
    booklet = [COVER, *range(pages), *[BLANK] * (total - pages - 2), BACK]
    order: list[int | str] = []
    for sheet in range(total // 4):
        order += [booklet[total - 1 - 2 * sheet], booklet[2 * sheet], booklet[2 * sheet + 1],
                  booklet[total - 2 - 2 * sheet]]
    return order


def page_order(pages: int, how: str, rng: random.Random) -> list[int | str]:
    """Content pages in the order an extraction delivers them: "reading", "booklet" or "shuffle"."""
    if how == "booklet":
        return booklet_order(pages)
    order: list[int | str] = list(range(pages))
    if how == "shuffle":
        rng.shuffle(order)
    return order


def interleave(first: list[str], second: list[str]) -> list[str]:
    """Lines of two pages sharing a sheet side, read across the spread.

    >>> interleave(["a1", "a2", "a3"], ["b1"])
    ['a1', 'b1', 'a2', 'a3']
    """
    lines: list[str] = []
    for index in range(max(len(first), len(second))):
        lines += first[index : index + 1] + second[index : index + 1]
    return lines


def glue_markers(text: str, template: str = "{}") -> str:
    """Note markers as a converter leaves them: `[^3]` becomes `3` (glued) or e.g. `<sup>3</sup>`.

    >>> glue_markers("way:[^3] and Rein[^4] said"), glue_markers("it.[^1]", "<sup>{}</sup>")
    ('way:3 and Rein4 said', 'it.<sup>1</sup>')
    """
    return MARKER.sub(lambda match: template.format(match.group(1)), text)


def straighten_quotes(text: str) -> str:
    """Curly quotes and apostrophes as straight ones, as some pages of a web text have them.

    >>> straighten_quotes("“It’s ‘ours’,” she said.")
    '"It\\'s \\'ours\\'," she said.'
    """
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


# Where extraction loses a space: after a sentence, or between two short lower-case words.
_LOSABLE = re.compile(r"(?<=[a-z][.?!]) (?=[A-Z][a-z])|(?<=\b[a-z]{2}) (?=[a-z]{2,5}\b)")


def lose_spaces(text: str, rng: random.Random, rate: float) -> tuple[str, int]:
    """Drop a share `rate` of the spaces extraction tends to lose; returns the text and how many.

    >>> lose_spaces("It was late. The men in which we", random.Random(0), 1.0)
    ('It was late.The men inwhich we', 2)
    """
    lost = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal lost
        if rng.random() < rate:
            lost += 1
            return ""
        return match.group(0)

    return _LOSABLE.sub(drop, text), lost
