"""Take title blocks and colophons out of the body, keeping their facts as front matter."""

from __future__ import annotations

import re

from .draft import Block, Draft
from .passes import Change, PassContext, register

_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
_LICENCE = re.compile(r"copyright|copyleft|licen[cs]e|creative commons|public domain|\bcc[- ]by", re.I)
_RETRIEVED = re.compile(r"^(?:retrieved|downloaded|accessed|taken|scanned)\b.*\b(?:on|from)\b", re.I)
_BARE_LINK = re.compile(r"^(?:\[[^\]]*\]\([^)]*\)|<?(?:https?://|www\.)\S+>?)$")
_LIST_OR_QUOTE = re.compile(r"^(?:[-+•▪◦●■>]|\d{1,3}[.)])\s")
# The journal issue a text appeared in: "Labour Notes 14, no. 2 (2019): 87–99", "vol. 31 ... pp. 211–17".
_ISSUE = re.compile(r"^(?=.{1,120}$)(?=.*\b(?:1[6-9]|20)\d\d\b)(?=.*\b(?:vol\.?|no\.|issue|pp?\.)\s*\d).*$", re.I)
# A chapter's number standing above its title: "3", "III", "Chapter 3", "Part II."
_CHAPTER_NUMBER = re.compile(r"^(?:(?:chapter|part)\s+)?(?:\d{1,3}|[ivxlc]{1,7})\.?$", re.I)
_PERSON = re.compile(r"^(?:[A-Z][\w’'.-]*\.?\s+){1,3}[A-Z][\w’'-]+$")
# Markdown that is never a title page: a note's text, a table row, a code fence.
_BODY_MARKUP = re.compile(r"^(?:\[\^[^\]]+\]:|\s*\|.*\|\s*$|\s*```)", re.M)
# Front matter is the run of short blocks before the first real paragraph.
_FRONT_MAX_CHARS = 100


@register("remove-title-blocks")
def remove_title_blocks(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Move the opening title block into front matter and remove its repeats (colophons).

    The opening block (publisher, title, subtitle, author, year, licence)
    gives the facts; any later block made only of those lines, or of the
    title and author the manifest gives (option "title_lines"), a
    "Retrieved on ..." line or a bare link is a colophon that a PDF
    conversion dropped into the text.
    """
    # A seed that states its own title (in YAML front matter) has no title block to find.
    front_end = 0 if draft.meta_value("title") else _front_matter_end(draft.blocks)
    front = draft.blocks[:front_end]
    draft = _record_facts(draft, front)
    known = title_lines([block.text for block in front])
    given = title_lines([str(text) for text in context.options.get("title_lines", ())])
    kept, changes = [], []
    for index, block in enumerate(draft.blocks):
        if index < front_end or is_colophon(block.text.split("\n"), known) or (
                block.kind == "para" and is_colophon(block.text.split("\n"), given)):
            changes.append(Change("remove-title-blocks", "removed", block.line, block.text.replace("\n", " / "), "",
                                  "title block" if index < front_end else "repeated title block or colophon"))
            draft = _record_colophon(draft, block)
            continue
        kept.append(block)
    return draft.but(blocks=tuple(kept)), changes


def _front_matter_end(blocks: tuple[Block, ...]) -> int:
    """Index of the first block that is body text, not title-page material.

    Title-page lines are short and do not end like sentences; a year, a
    licence or a heading may stand there too. A note's text, a table or
    code is body, however short.

    >>> b = lambda text: Block("para", text, (1,))
    >>> _front_matter_end((b("On Tenants"), b("A. Writer"), b("The rent was due.")))
    2
    >>> _front_matter_end((b("[^1]: A note"), b("The rent was due."))), _front_matter_end((b("| a | b |"), b("Text.")))
    (0, 0)
    """
    for index, block in enumerate(blocks):
        text = re.sub(r"\[\^[^\]]*\]", "", block.text).strip()
        following = blocks[index + 1].text if index + 1 < len(blocks) else ""
        # Titles are not sentences; a fragment continues in lower case (but a year goes on with nothing).
        title_like = (_title_like(text) or is_issue_line(text)) and (
            bool(_YEAR.match(text)) or not re.match(r"^[\W_]*[a-z]", following))
        # A licence line, not a paragraph that happens to mention one.
        licence = _LICENCE.search(text) and len(text) <= (2 if _LICENCE.match(text) else 1) * _FRONT_MAX_CHARS
        body = block.kind in ("quote", "item") or bool(_BODY_MARKUP.search(block.text))
        if body or not (title_like or licence or block.kind == "heading"):
            return index
    return 0


def _plain(text: str) -> str:
    """A line compared without markup, case, spacing or trailing hard-break spaces."""
    return _bare(text).lower()


def _bare(text: str) -> str:
    text = re.sub(r"[*_`#]|<[^>]+>", "", text)
    return re.sub(r"\s+", " ", text).strip()


def is_title_matter(lines: list[str]) -> bool:
    """Two or more lines a title page or colophon is made of: short titles, a licence, "Retrieved on ...", a link.

    >>> is_title_matter(["# The Title", "A. Writer", "1999"]), is_title_matter(["A sentence ends.", "1999"])
    (True, False)
    >>> is_title_matter(["- A list item", "- Another item"]), is_title_matter(["When a buyer came", "cheaply, it was"])
    (False, False)
    """
    lines = [line for line in lines if line.strip()]
    if len(lines) < 2:
        return False
    # Line by line, so that a page of prose is settled by its first line, not read through.
    texts = []
    for text in map(_bare, lines):
        if not _title_matter_line(text):
            return False
        texts.append(text)
    return not any(_LIST_OR_QUOTE.match(text) for text in texts)


def _title_matter_line(text: str) -> bool:
    """A line a title page or colophon may hold. Title lines each start afresh; wrapped prose goes on in lower case."""
    return bool(_RETRIEVED.match(text) or _BARE_LINK.match(text) or _LICENCE.match(text) or is_issue_line(text)
                or (_title_like(text) and not re.match(r"^[\W_]*[a-z]", text)))


def _title_like(text: str) -> bool:
    """Short, and no sentence: no end punctuation, no full stop inside but after an initial."""
    return len(text) <= _FRONT_MAX_CHARS and not re.search(r"[.,;:]$|(?<!\b[A-Z])[.!?]\s", text)


def title_lines(texts: list[str]) -> set[str]:
    """The lines of a title block, compared without markup or spacing."""
    return {_plain(line) for text in texts for line in text.split("\n")} - {""}


def is_colophon(lines: list[str], known: set[str]) -> bool:
    """Lines that only repeat the title block, say where the text was retrieved, or link to a site.

    >>> is_colophon(["*The Title*  ", "Retrieved on 3 May 2020 from example.org."], {"the title"})
    True
    """
    # Line by line, so that a paragraph of prose is settled by its first line, not read through.
    found = False
    for line in filter(None, map(_plain, lines)):
        if not (line in known or _RETRIEVED.match(line) or _BARE_LINK.match(line)):
            return False
        found = True
    return found


def _record_facts(draft: Draft, front: tuple[Block, ...]) -> Draft:
    title_seen = False
    has_heading = any(block.kind == "heading" for block in front)
    for block in front:
        text = re.sub(r"[*_]", "", block.text.replace("\n", " ")).strip()
        # With no heading, the first line that is neither a chapter number nor a journal issue is the title.
        is_title = block.kind == "heading" or not has_heading
        if _CHAPTER_NUMBER.match(text):
            continue  # the source's own chapter number ("3", "Chapter III"): the edition numbers afresh
        if is_issue_line(text):
            draft = draft.with_meta("source", text)
            continue
        if text.isupper() and title_seen and _PERSON.match(text):
            text = _capitalised(text)  # an author's name set in capitals
        if is_title and not title_seen:
            draft, title_seen = draft.with_meta("title", text), True
        elif _YEAR.match(text):
            draft = draft.with_meta("year", text)
        elif _LICENCE.search(text):
            draft = draft.with_meta("licence", text)
        elif title_seen and _PERSON.match(text):
            draft = draft.with_meta("author", text)
        elif title_seen:
            draft = draft.with_meta("subtitle", text)
        else:
            draft = draft.with_meta("publisher", text)
    return draft


def is_issue_line(text: str) -> bool:
    """A line naming the journal issue a text appeared in: title matter, not a sentence cut off.

    >>> is_issue_line("*Labour Notes* 14, no. 2 (2019): 87–99"), is_issue_line("In no. 2 of 1919 the editors wrote")
    (True, False)
    """
    bare = _bare(text)
    return bool(_ISSUE.match(bare)) and sum(1 for word in bare.split() if word.isalpha() and word.islower()) <= 2


def _capitalised(name: str) -> str:
    """A name set in capitals, written with capitals only where words start: "ANNE-MARIE O'NEILL" -> "Anne-Marie O'Neill"."""
    return re.sub(r"[^\W\d_]+", lambda match: match.group(0).capitalize(), name)


def _record_colophon(draft: Draft, block: Block) -> Draft:
    for line in block.text.split("\n"):
        if _RETRIEVED.match(_plain(line)):
            draft = draft.with_meta("retrieved", re.sub(r"[*_]|<[^>]+>", "", line).strip())
    return draft
