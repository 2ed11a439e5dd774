"""Set text in lines as a printed page does: hard wraps, hyphens at line ends, URLs broken anywhere."""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

_URL = re.compile(r"^(?:https?://|www\.)")
_WORD = re.compile(r"^([^\w]*)([^\W\d_](?:[\w’']*[^\W\d_])?)(.*)$")
# Typesetters leave at least two letters before the hyphen and three after.
_LEFT, _RIGHT = 2, 3
# Callers may carry a note marker through wrapping as HOLD + number; HOLD takes no room.
HOLD = "\x01"


def _room_taken(text: str) -> int:
    return len(text) - text.count(HOLD)


@lru_cache(maxsize=None)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US", left=_LEFT, right=_RIGHT)


def wrap(text: str, width: int, hyphenate: bool = True) -> list[str]:
    """Break `text` into lines of at most `width` characters, hyphenating words that do not fit.

    A compound breaks at its own hyphen, which stays; a URL breaks after a
    slash, dot or hyphen with nothing added.

    >>> wrap("the workers of self-management took technology home", 22)
    ['the workers of self-', 'management took tech-', 'nology home']
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        while True:
            room = width - _room_taken(line) - (1 if line else 0)
            if _room_taken(word) <= room:
                line = f"{line} {word}" if line else word
                break
            head, tail = split_word(word, room) if hyphenate or _URL.match(word) else ("", word)
            if head:
                lines.append(f"{line} {head}" if line else head)
                line, word = "", tail
            elif line:
                lines.append(line)
                line = ""
            else:  # a word longer than a line that cannot be broken: let it overflow
                line = word
                break
    if line:
        lines.append(line)
    return lines


def split_word(word: str, room: int) -> tuple[str, str]:
    """The longest head of `word` (with its line-end hyphen) that fits in `room`, and the rest.

    >>> split_word("one-man", 5), split_word("revolutionary,", 8), split_word("1917", 3)
    (('one-', 'man'), ('revolu-', 'tionary,'), ('', '1917'))
    """
    if room < 3:
        return "", word
    if _URL.match(word):
        return _split_url(word, room)
    if "-" in word.strip("-"):
        cut = word.rfind("-", 0, room)
        return (word[: cut + 1], word[cut + 1 :]) if cut > 0 else ("", word)
    match = _WORD.match(word)
    if not match or len(match.group(2)) < _LEFT + _RIGHT:
        return "", word
    lead, core, trail = match.groups()
    split = _dictionary().wrap(core, room - len(lead))
    return (lead + split[0], split[1] + trail) if split else ("", word)


def _split_url(url: str, room: int) -> tuple[str, str]:
    cuts = [i + 1 for i, ch in enumerate(url[:room]) if ch in "/.-" and i > 8]
    return (url[: cuts[-1]], url[cuts[-1] :]) if cuts else ("", url)
