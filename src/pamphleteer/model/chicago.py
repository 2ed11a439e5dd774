"""Citations and bibliography entries in Chicago notes-bibliography style, as model inlines.

Our own renderer rather than citeproc: page ranges are written in full
(Chicago's CSL elides "353–54"), locators may carry a volume and several
pages, and "first in full, later short" counts per chapter.
"""

from __future__ import annotations

import re

from ..citation_forms import expand_range, split_locator
from ..project.references import Name, Reference
from . import nodes as n

_FUNCTION_WORDS = {"a", "an", "the", "and", "of", "in", "on", "for", "to", "with", "during", "by"}


def note_form(ref: Reference, locator: str, full: bool) -> tuple[n.Inline, ...]:
    """The work as a note cites it: in full the first time in a chapter, short after.

    >>> from pamphleteer.project.references import parse_references
    >>> ref = parse_references("- {id: a, type: book, title: The Harbour Workers, author: [{family: Doe, given: Jane}]}")["a"]
    >>> from pamphleteer.model.parse import plain_text
    >>> plain_text(note_form(ref, "pp. 140-1", True)), plain_text(note_form(ref, "p. 3", False))
    ('Jane Doe, The Harbour Workers, pp. 140–141', 'Doe, Harbour Workers, p. 3')
    """
    parts = (_full if full else _short)(ref)
    where = tidy_locator(locator)
    if where:
        parts = _join(parts, [n.Str(where)], ", ")
    if full and ref.url:
        parts = _join(parts, [n.Link(ref.url, (n.Str(ref.url),))], ", ")
    return tuple(_merge(parts))


def tidy_locator(locator: str) -> str:
    """A locator with "p."/"pp." right and ranges in full ("p. 52-3" is "pp. 52–53")."""
    if not locator:
        return ""
    rest, parsed = split_locator(f"x, {locator}")
    return str(parsed) if rest == "x" and str(parsed) else locator


def _full(ref: Reference) -> list[n.Inline]:
    authors = _names(ref.names())
    editors = _names(ref.names("editor"))
    if ref.type in ("chapter", "article-journal", "article-magazine", "article-newspaper", "webpage"):
        head = _quoted(ref.title) if ref.title else []
        parts = _join([n.Str(authors)] if authors else [], head, ", ")
        return _container(ref, parts, editors)
    if not authors and editors:
        authors, editors = f"{editors}, ed{'s' if len(ref.names('editor')) > 1 else ''}.", ""
    parts = _join([n.Str(authors)] if authors else [], [n.Emph((n.Str(ref.title),))] if ref.title else [], ", ")
    return _join(parts, [n.Str(f"ed. {editors}")], ", ") if editors else parts


def _container(ref: Reference, parts: list[n.Inline], editors: str) -> list[n.Inline]:
    container = ref.text("container-title")
    if not container:
        return parts
    glue = ", "
    if ref.type == "chapter":
        inside = [n.Str("in "), n.Emph((n.Str(container),))] + ([n.Str(f", ed. {editors}")] if editors else [])
        return _join(parts, inside, glue)
    if ref.type == "webpage":
        return _join(parts, [n.Str(container)], glue)
    details = [part for part in (ref.text("volume"), f"no. {ref.text('issue')}" if ref.text("issue") else "") if part]
    tail = " ".join(details[:1]) + (", " + details[1] if len(details) > 1 else "")
    date = f" ({ref.issued})" if ref.issued and ref.type == "article-journal" else (f", {ref.issued}" if ref.issued else "")
    extra = (f" {tail}" if ref.text("volume") else (f", {tail}" if tail else "")) + date
    return _join(parts, [n.Emph((n.Str(container),)), n.Str(extra)] if extra else [n.Emph((n.Str(container),))], glue)


def _short(ref: Reference) -> list[n.Inline]:
    people = ref.names() or ref.names("editor")
    families = _list([name.short for name in _distinct_families(people)])
    title = ref.text("title-short") or short_title(ref.title)
    if ref.type in ("book", "pamphlet"):
        shown = [n.Emph((n.Str(title),))] if title else []
    else:
        shown = _quoted(title) if title else []
    return _join([n.Str(families)] if families else [], shown, ", ")


def _distinct_families(names: tuple[Name, ...]) -> list[Name]:
    """Brothers share a family name; a short citation names it once."""
    seen, kept = set(), []
    for name in names:
        if name.short not in seen:
            seen.add(name.short)
            kept.append(name)
    return kept


def short_title(title: str) -> str:
    """Chicago's short title: the main title without a leading article, cut before a long phrase.

    >>> short_title("The Place of Harbour Workers in the Story of the Port"), short_title("Harbours: A Life")
    ('Place of Harbour Workers', 'Harbours')
    >>> short_title("The Rise and Fall of the Dock Union Movement"), short_title("Les Docks de la Ville, 1900–1920")
    ('Rise and Fall', 'Les Docks de la Ville')
    """
    main = re.split(r":\s|,\s(?=\d)", title, maxsplit=1)[0]
    words = main.split()
    if len(words) > 2 and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    if len(words) > 6:
        cut = next((i for i, word in enumerate(words) if i >= 3 and word.lower() in _FUNCTION_WORDS), len(words))
        words = words[:cut]
    return " ".join(words)


def _names(names: tuple[Name, ...]) -> str:
    return _list([name.full for name in names])


def _list(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return f"{', '.join(items[:-1])}, and {items[-1]}"


def _quoted(title: str) -> list[n.Inline]:
    return [n.Str(f"“{title}”")]


def _inside_quotes(text: str, mark: str) -> str:
    """Put a comma or period inside closing quotes, the inner ones too: ‘Last Testament,’”."""
    closing = re.search(r"[”’]+$", text)
    return text[: closing.start()] + mark + closing.group(0) if closing else text + mark


def _join(left: list[n.Inline], right: list[n.Inline], glue: str) -> list[n.Inline]:
    """Two runs of inlines with `glue` between; a comma goes inside a closing quote, and not after ? or !."""
    if not left:
        return list(right)
    if not right:
        return list(left)
    last = left[-1]
    text = _text_end(last)
    if glue.startswith(",") and text.endswith("”") and isinstance(last, n.Str):
        left = left[:-1] + [n.Str(_inside_quotes(last.text, ","))]
        glue = glue[1:]
    elif glue.startswith(",") and text[-1:] in "?!":
        glue = glue[1:]
    return left + [n.Str(glue)] + right


def _text_end(node: n.Inline) -> str:
    if isinstance(node, n.Str):
        return node.text
    if isinstance(node, (n.Emph, n.Strong, n.Link)) and node.content:
        return _text_end(node.content[-1])
    return ""


def _merge(parts: list[n.Inline]) -> list[n.Inline]:
    merged: list[n.Inline] = []
    for part in parts:
        if isinstance(part, n.Str) and merged and isinstance(merged[-1], n.Str):
            merged[-1] = n.Str(merged[-1].text + part.text)
        elif not (isinstance(part, n.Str) and not part.text):
            merged.append(part)
    return merged


def bibliography_entry(ref: Reference) -> tuple[n.Inline, ...]:
    """The work as the list of works cited gives it.

    >>> from pamphleteer.project.references import parse_references
    >>> ref = parse_references("- {id: a, type: book, title: Old Ports, author: [{family: Doe, given: Jane}, {family: Doe, given: Ann}]}")["a"]
    >>> from pamphleteer.model.parse import plain_text
    >>> plain_text(bibliography_entry(ref))
    'Doe, Jane, and Ann Doe. Old Ports.'
    """
    people = ref.names() or ref.names("editor")
    parts: list[n.Inline] = []
    if people:
        first = [people[0].inverted] + [name.full for name in people[1:]]
        names = first[0] if len(first) == 1 else f"{', '.join(first[:-1])}, and {first[-1]}"
        suffix = (", eds." if len(people) > 1 else ", ed.") if not ref.names() else ""
        parts.append(n.Str(_period(names + suffix)))
    parts += _bibliography_body(ref)
    if ref.url:
        parts += [n.Str(" "), n.Link(ref.url, (n.Str(ref.url),)), n.Str(".")]
    return tuple(_merge(parts))


def _bibliography_body(ref: Reference) -> list[n.Inline]:
    lead = [n.Str(" ")] if ref.names() or ref.names("editor") else []
    if ref.type in ("book", "pamphlet"):
        title = [n.Emph((n.Str(ref.title),)), n.Str("." if not ref.title.endswith(("?", "!")) else "")] if ref.title else []
        return lead + title
    title = [n.Str(_inside_quotes(f"“{ref.title}”", "") if ref.title.endswith(("?", "!")) else _inside_quotes(f"“{ref.title}”", "."))] if ref.title else []
    if not title and not ref.text("container-title"):
        return []
    return lead + title + _bibliography_container(ref)


def _bibliography_container(ref: Reference) -> list[n.Inline]:
    container = ref.text("container-title")
    if not container:
        return []
    pages = expand_range(ref.text("page")) if ref.text("page") else ""
    if ref.type == "chapter":
        editors = _names(ref.names("editor"))
        tail = (f", edited by {editors}" if editors else "") + (f", {pages}" if pages else "")
        return [n.Str(" In "), n.Emph((n.Str(container),)), n.Str(f"{tail}.")]
    if ref.type != "article-journal":
        return [n.Str(" "), n.Emph((n.Str(container),)), n.Str(f", {ref.issued}." if ref.issued else ".")]
    volume = f" {ref.text('volume')}" if ref.text("volume") else ""
    issue = f", no. {ref.text('issue')}" if ref.text("issue") else ""
    date = f" ({ref.issued})" if ref.issued else ""
    tail = f"{volume}{issue}{date}" + (f": {pages}" if pages else "")
    return [n.Str(" "), n.Emph((n.Str(container),)), n.Str(f"{tail}.")]


def _period(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."


def sort_key(ref: Reference) -> tuple[str, str]:
    """Bibliography order: first author's family name, then title without a leading article."""
    people = ref.names() or ref.names("editor")
    title = re.sub(r"^(?:a|an|the)\s+", "", ref.title.lower())
    name = people[0].inverted.lower() if people else title
    return name, title
