"""Editions: how the outputs of one edition are named, so a printer never mixes two up."""

from __future__ import annotations

# What each format's file is called after the stem; the renderers write these names.
SUFFIXES = {"html": ".html", "pdf": ".pdf", "booklet": "-booklet.pdf", "epub": ".epub"}


def output_stem(slug: str, edition: int) -> str:
    """The outputs' file-name stem: the slug, and from the second edition on, the edition too.

    >>> output_stem("pamphlet", 1), output_stem("pamphlet", 2), output_stem("pamphlet", 13)
    ('pamphlet', 'pamphlet-2nd-edition', 'pamphlet-13th-edition')
    """
    return slug if edition == 1 else f"{slug}-{ordinal(edition)}-edition"


def output_name(slug: str, edition: int, fmt: str) -> str:
    """The file name of one format's output.

    >>> output_name("pamphlet", 2, "booklet")
    'pamphlet-2nd-edition-booklet.pdf'
    """
    return output_stem(slug, edition) + SUFFIXES[fmt]


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, … 21st.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '102nd']
    """
    if 11 <= number % 100 <= 13:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"
