"""What a web page puts round an article, left in text copied from it: menus, share buttons, comments."""

from __future__ import annotations

import re

from .draft import Draft, Line
from .passes import Change, PassContext, register

NAME = "remove-web-furniture"
# Lines a site sets round every article, whole lines only.
_CHROME = re.compile(
    r"^(?:skip to (?:main )?content|search(?: this site)?|menu|print|reply|like this:?|like loading\W*"
    r"|advertisement|sponsored(?: content)?"
    r"|share this(?: article| post| page| story)?:?(?:\s.*)?|leave a (?:reply|comment)\b.*|post a comment"
    r"|subscribe (?:to|for|now)\b.*|(?:©|copyright ©?)\s*\d{4}\b.*|all rights reserved\.?"
    r"|(?:tags|tagged|categories|filed under|posted in)(?::\s.*|\s[^.!?]{1,50})"
    r"|(?:«\s*)?(?:previous|next|older|newer)(?: page| post| article)?(?:\s*»)?(?:\s+page \d+ of \d+)?|page \d+ of \d+)$",
    re.I,
)
# The buttons under "Share this": a line of network names.
_NETWORK = (r"twitter|facebook|e-?mail|whatsapp|linkedin|reddit|telegram|pinterest|tumblr|pocket|mastodon"
            r"|bluesky|threads|print|x")
_SHARE_BUTTONS = re.compile(rf"^(?:(?:{_NETWORK})(?:\s+|\s*[|·•]\s*|$))+$", re.I)
# Where the article ends and the page's tail begins: related posts, comments, a reply form.
_TAIL = re.compile(
    r"^(?:related(?: articles| posts| stories| reading)?|you (?:may|might) also like|more (?:from|in)\b.*"
    r"|(?:\d+|one|two|three|no) (?:thoughts|comments|responses|replies)(?: on\b.*)?|comments|leave a (?:reply|comment)\b.*)"
    r"\s*:?$",
    re.I,
)
# A menu or masthead: three or more short items between bars, dots or tabs; a breadcrumb trail.
_ITEM_SEPARATOR = re.compile(r"\s+[|·•]\s+|\t+")
_BREADCRUMB = re.compile(r"^[^.!?]{1,60}(?:\s[»›]\s[^.!?]{1,60})+$")
_MENU_ITEM_WORDS = 4
_MENU_ITEMS = 3
_SITE_NAME_WORDS = 6
# "By Ann Lee | June 3, 2017 | Reviews", "Posted by Ann Lee on 14 March 2021 · 7 Comments".
_BYLINE = re.compile(
    r"^(?i:(?:(?:posted|written|interview|words|text|review) )?by)\s+(?P<author>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+)"
    r"(?P<rest>(?:\s+on\s+|\s*[|·•,]\s*).*)?$"
)
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
# The page's head (masthead, menu, byline) comes before the first line of prose.
_PROSE_CHARS = 100
# The tail is looked for in the text's last part only.
_TAIL_SHARE = 0.5


@register(NAME)
def remove_web_furniture(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Remove a web page's menus, share buttons, pagers and its tail of related posts and comments.

    Above the first paragraph, a menu line, a breadcrumb trail or a byline
    (whose author and year go to the front matter) goes; anywhere, lines
    such as "Share this:" and the buttons under it; and from a heading such
    as "Related" or "12 thoughts on ..." in the text's second half, the rest
    of the page. Each removed line is reported. Read from HTML, where the
    page's structure sets most furniture aside, only whole paragraphs such
    as "Skip to content" are left to remove.

    >>> from pamphleteer.readers.lines import split_lines
    >>> text = "Home | About | Archive\\nBy Ann Lee | 3 June 2017\\n" + "A long paragraph of the article itself. " * 4
    >>> text += "\\nShare this:\\nTwitter\\nFacebook\\n\\nThe end.\\n3 Comments\\nBob says:\\nGreat post!"
    >>> kept, changes = remove_web_furniture(Draft("x", "text", lines=split_lines(text)), PassContext("x", "text"))
    >>> [line.text[:20] for line in kept.lines if line.text], kept.meta_value("author"), kept.meta_value("year")
    (['A long paragraph of ', 'The end.'], 'Ann Lee', '2017')
    """
    if not draft.lines:
        return _without_chrome_blocks(draft)
    lines = draft.lines
    texts = [line.text.strip() for line in lines]
    head_end = next((index for index, text in enumerate(texts) if len(text) >= _PROSE_CHARS), len(texts))
    tail = _tail_start(texts)
    kept: list[Line] = []
    changes: list[Change] = []
    sharing = False
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        why = None
        if index >= tail:
            why = "related posts and comments after the article"
        elif index < head_end and (byline := _BYLINE.match(text)):
            year = _YEAR.search(byline.group("rest") or "")
            draft = draft.with_meta("author", byline.group("author")).with_meta("year", year.group(0) if year else "")
            why = "byline (its facts go to the front matter)"
        elif _CHROME.match(text):
            why = "web page furniture"
        elif index < head_end and (_BREADCRUMB.match(text) or _menu(text)):
            why = "site menu or masthead"
            draft = _site_name(draft, kept, changes)
        elif sharing and _SHARE_BUTTONS.match(text):
            why = "share buttons"
        sharing = (why is not None and text.lower().startswith("share")) or (sharing and (why is not None or not text))
        if why is None:
            kept.append(line)
        elif text:
            changes.append(Change(NAME, "removed", line.line, text, "", why))
    return draft.but(lines=tuple(kept)), changes


def _without_chrome_blocks(draft: Draft) -> tuple[Draft, list[Change]]:
    kept, changes = [], []
    for block in draft.blocks:
        if block.kind == "para" and _CHROME.match(block.text.strip()):
            changes.append(Change(NAME, "removed", block.line, block.text, "", "web page furniture"))
        else:
            kept.append(block)
    return draft.but(blocks=tuple(kept)), changes


def _site_name(draft: Draft, kept: list[Line], changes: list[Change]) -> Draft:
    """Above a site's menu, the page's first line, if short and nothing else is kept yet, is the site's name."""
    above = [index for index, line in enumerate(kept) if line.text.strip()]
    if above != [0] or changes or len(kept[0].text.split()) > _SITE_NAME_WORDS:
        return draft
    name = kept.pop(above[0])
    changes.append(Change(NAME, "removed", name.line, name.text.strip(), "", "site name (the front matter's source)"))
    return draft.with_meta("source", name.text.strip())


def _tail_start(texts: list[str]) -> int:
    """Index of the line that opens the page's tail (related posts, comments), or past the end."""
    first = int(len(texts) * _TAIL_SHARE)
    return next((index for index in range(first, len(texts)) if _TAIL.match(texts[index])), len(texts))


def _menu(text: str) -> bool:
    items = _ITEM_SEPARATOR.split(text)
    return len(items) >= _MENU_ITEMS and all(
        0 < len(item.split()) <= _MENU_ITEM_WORDS and not item.rstrip().endswith((".", "!", "?")) for item in items)
