"""An HTML page: headings, paragraphs, block quotes, lists, emphasis and footnotes, as Markdown blocks."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise
from html.parser import HTMLParser
from urllib.parse import urljoin

from ..normalise.draft import Block, Draft, Note

# Code and widgets, never text of the piece: set aside as "hidden" blocks, removed and reported.
_SKIPPED = {"script", "style", "noscript", "template", "svg", "iframe", "button", "select", "object", "canvas",
            "video", "audio"}
# Page furniture: kept aside as "furniture" blocks, which a pass removes and reports. A <header> or
# <footer> inside the article (its title, its notes) is the article's own.
_FURNITURE = {"nav", "aside", "form"}
_OUTER_FURNITURE = {"header", "footer"}
_FURNITURE_CLASS = re.compile(r"\b(?:share\w*|sharing|social|byline|author|entry-(?:meta|footer|utility)|post-meta|tags"
                              r"|(?:cat|tags?)-links|related\w*|comments?|newsletter|breadcrumbs?|subscribe|advert\w*"
                              r"|promo|sidebar|cookie|pagination|menu|skip-link|screen-reader-text|sr-only)\b", re.I)
# A heading over the notes, left with nothing under it once they became Markdown notes.
_NOTES_HEADING = re.compile(r"(?:(?:foot|end)?notes|references)\W*", re.I)
_ARTICLE = {"article", "main"}
# Sites that set subheads and quotations in styled paragraphs or divs name them in the class.
_SUBHEAD_CLASS = re.compile(r"\b(?:sub-?head(?:ing|er)?|cross-?head|section-?(?:title|heading))\b", re.I)
_QUOTE_CLASS = re.compile(r"(?<![\w-])(?:block-?quote|quotation|quote)\b", re.I)
# A paragraph that is bold throughout, short, and not a sentence or a question is a subhead.
_BOLD_ONLY = re.compile(r"\*\*([^*]+?)\*\*")
_SUBHEAD_WORDS = 12
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "div", "section", "figcaption", "dd", "dt", "tr",
           "address", "caption", "figure"}
# Inline marks as private-use characters until the block is tidied, so that
# spaces can be moved outside them ("<em> word</em>" -> " *word*").
_OPEN = {"em": "\ue000", "i": "\ue000", "cite": "\ue000", "var": "\ue000", "dfn": "\ue000",
         "strong": "\ue002", "b": "\ue002"}
_CLOSE = {"\ue000": "\ue001", "\ue002": "\ue003"}
_MARKS = {"\ue000": "*", "\ue001": "*", "\ue002": "**", "\ue003": "**"}
# Characters Markdown would read as markup; brackets only where they could make a link or note.
_ESCAPE = re.compile(r"[\\`*_]|<(?=[A-Za-z/!?])|\[(?=\^)|\](?=[(\[:])")
_SAFE_HREF = re.compile(r"^(?:https?:|mailto:|/|\.{0,2}/|[\w-]+\.)", re.I)
# Footnotes as sites write them: a call linking to "#fn3", a list item with id "fn3", a link back.
# Word processors write "#_ftn3" and "#_edn3" for foot- and endnotes, and a note as a paragraph
# opening with a link back to its call ("#_ftnref3").
_NOTE_ID = re.compile(r"^_?(?:fn|footnote|note|endnote|ftn|edn)[-_:]?(\w+)$", re.I)
_NOTE_CALL = re.compile(r"^#_?(?:fn|footnote|note|endnote|ftn|edn)[-_:]?(\w+)$", re.I)
_BACK_LINK = re.compile(r"^#_?(?:fnref|footnote-ref|noteref|ftnref|ednref)|footnote-back|reversefootnote", re.I)
_BACK_LABEL = re.compile(r"^#_?(?:fnref|footnote-ref|noteref|ftnref|ednref)[-_:]?(\w+)$", re.I)
# Elements that hold one note (a section or a page division holds many, or the text).
_NOTE_HOLDERS = {"li", "p", "div", "dd", "aside"}
# A call's text: a number, perhaps in brackets ("3", "[3]").
_CALL_TEXT = re.compile(r"\[?(\d{1,3})\]?")
# A note's own number opening its text ("3. ", "[3] ", "3) "), dropped: the Markdown note has its label.
_LEADING_LABEL = r"^\[?{}\]?[.):]?\s+"
# A bare superscript number, until the page's notes are known: a call if a note has its label,
# else a superscript ("m²", "10³").
_SUP_OPEN, _SUP_CLOSE = "\ue010", "\ue011"
_PENDING_SUP = re.compile(f"{_SUP_OPEN}(\\d+){_SUP_CLOSE}")
_ANY_CALL = re.compile(f"(?:\\[\\^|{_SUP_OPEN})(\\w+)[\\]{_SUP_CLOSE}]")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BYLINE = re.compile(r"^By\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}(?:,\s*\d{4})?$")


def read(source: str, path: str) -> Draft:
    """Parse an HTML page into blocks and notes; the first <h1> (or else the <title>) becomes the title.

    What is not the piece's text is kept aside in blocks a pass removes and
    reports: the page's titles ("title"), menus and boxes ("furniture"),
    scripts, styles and widgets ("hidden").

    >>> html = "<title>T</title><nav>Menu</nav><h2>Part</h2><p>A <em>very</em> good<br><br>day.</p><ul><li>one<ul><li>two</li></ul></li></ul>"
    >>> [(b.kind, b.text) for b in read(html, "x.html").blocks]  # doctest: +NORMALIZE_WHITESPACE
    [('title', 'T'), ('furniture', 'Menu'), ('heading', 'Part'), ('para', 'A *very* good'), ('para', 'day.'),
     ('item', 'one'), ('item', 'two')]
    >>> page = read('<p>Said.<sup><a href="#fn1">1</a></sup></p><ol><li id="fn1">A note. <a href="#fnref1">↩</a></li></ol>', "x")
    >>> page.blocks[0].text, page.notes[0].text
    ('Said.[^1]', 'A note.')
    """
    parser = _PageParser()
    parser.feed(source)
    parser.close()
    parser.flush()
    titles = [Block("title", _tidy(parser.title), (parser.title_line,))] if parser.title.strip() else []
    blocks = _calls_or_superscripts(titles + _top_level_headings(_empty_notes_headings(parser.blocks)),
                                    {note.label for note in parser.notes})
    draft = Draft(path=path, kind="html", markup=True, blocks=tuple(blocks), notes=tuple(parser.notes))
    # The page's first <h1> names the piece; <title> often adds the site's name.
    return draft.with_meta("title", parser.heading_title.strip() or parser.title.strip())


def _empty_notes_headings(blocks: list[Block]) -> list[Block]:
    """A "Notes" heading with nothing under it (its notes became Markdown notes) is set aside as furniture."""
    texts = [block for block in blocks if block.kind not in ("furniture", "hidden")]
    empty = {id(block) for block, after in pairwise([*texts, None])
             if block.kind == "heading" and _NOTES_HEADING.fullmatch(block.text.strip("*_ "))
             and (after is None or (after.kind == "heading" and after.level <= block.level))}
    return [replace(block, kind="furniture") if id(block) in empty else block for block in blocks]


def _top_level_headings(blocks: list[Block]) -> list[Block]:
    """Headings moved up so that the page's highest section level is `##` (pages that use <h3> for sections)."""
    top = min((block.level for block in blocks if block.kind == "heading"), default=2)
    return [replace(block, level=block.level - top + 2) if block.kind == "heading" else block for block in blocks]


def _calls_or_superscripts(blocks: list[Block], labels: set[str]) -> list[Block]:
    """Bare superscript numbers: note calls where the page has the note, else superscripts ("m²").

    A number raised after a number ("10³") is a power when its note is
    also called elsewhere: a note is called once, a power is not.

    >>> text = "Marx\ue0103\ue011 saw 10\ue0103\ue011 in 200 m\ue0102\ue011"
    >>> [b.text for b in _calls_or_superscripts([Block("para", text, (1,))], {"3"})]
    ['Marx[^3] saw 10³ in 200 m²']
    """
    calls = Counter(label for block in blocks for label in _ANY_CALL.findall(block.text))

    def resolved(match: re.Match[str]) -> str:
        number = match.group(1)
        power = match.start() > 0 and match.string[match.start() - 1].isdigit() and calls[number] > 1
        return f"[^{number}]" if number in labels and not power else number.translate(_SUPERSCRIPT_DIGITS)

    return [block.with_text(_PENDING_SUP.sub(resolved, block.text)) if _SUP_OPEN in block.text else block
            for block in blocks]


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self.title = self.heading_title = ""
        self.title_line = 1
        self._aside = ""  # the element skipped or set aside, and how deep in it we are
        self._depth = 0
        self._aside_text: list[str] = []
        self._aside_line = 1
        self._in_title = self._code = self._back_link = False
        self._article = self._breaks = self._quote_counter = 0
        self._stack: list[str] = []
        self._roles: list[str] = []  # for each element of _stack: "heading", "quote:<group>" or ""
        self._buffer: list[str] = []
        self._start_line = 1
        self._quotes: list[int] = []
        self._lists: list[str] = []
        self._links: list[str] = []
        self._sups: list[int] = []
        self._note: tuple[str, int] | None = None  # the footnote being read: label, line
        self._note_tag = "li"  # the element that holds it
        self._note_parts: list[str] = []
        self._back_text: list[str] = []
        self._calls: set[str] = set()  # labels of the note calls met so far
        self._targets: dict[str, str] = {}  # the element id each call links to: its label
        self._base = ""  # the page's own address, if it gives one: relative links are resolved against it

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._aside:
            self._depth += tag == self._aside
            return
        if tag in _SKIPPED or self._is_furniture(tag, attrs):
            self.flush()
            self._aside, self._depth, self._aside_line = tag, 1, self.getpos()[0]
            self._aside_text = []
            return
        self._article += tag in _ARTICLE
        if tag in ("base", "link", "meta"):
            self._read_address(tag, attrs)
        elif tag == "br":
            self._break()
        elif tag == "title":
            self._in_title, self.title_line = True, self.getpos()[0]
        else:
            self._breaks = 0
            self._open(tag, attrs)

    def _read_address(self, tag: str, attrs: dict[str, str | None]) -> None:
        """The page's address, from <base>, else its canonical link or og:url."""
        if tag == "base" and attrs.get("href"):
            self._base = attrs["href"] or ""
        elif tag == "link" and "canonical" in (attrs.get("rel") or "").lower().split() and not self._base:
            self._base = attrs.get("href") or ""
        elif tag == "meta" and (attrs.get("property") or "").lower() == "og:url" and not self._base:
            self._base = attrs.get("content") or ""
        if not re.match(r"^https?://", self._base, re.I):
            self._base = ""  # only an absolute address can resolve a relative link

    def _is_furniture(self, tag: str, attrs: dict[str, str | None]) -> bool:
        marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        return (tag in _FURNITURE or (tag in _OUTER_FURNITURE and not self._article)
                or ((tag in _BLOCKS or tag in _OUTER_FURNITURE) and bool(_FURNITURE_CLASS.search(marks))))

    def _open(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in ("blockquote", "ul", "ol") or tag in _BLOCKS:
            self._open_block(tag, attrs)
        elif tag in _OPEN:
            self._buffer.append(_OPEN[tag])
        elif tag == "code":
            self._buffer.append("`")
            self._code = True
        elif tag == "sup":
            self._sups.append(len(self._buffer))
        elif tag == "a":
            self._open_link(attrs)
        elif tag in ("td", "th"):
            self._buffer.append(" ")

    def _open_block(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.flush()
        if tag == "blockquote":
            self._quote_counter += 1
            self._quotes.append(self._quote_counter)
        elif tag in ("ul", "ol"):
            self._lists.append(tag)
        else:
            label = self._note_label(tag, attrs.get("id") or "")
            if label:
                self._start_note(label, tag)
            self._stack.append(tag)
            self._roles.append(self._role(attrs.get("class") or ""))

    def _role(self, classes: str) -> str:
        """What a styled element stands for, by its class: a subhead, a quotation, or nothing special."""
        if _SUBHEAD_CLASS.search(classes):
            return "heading"
        if _QUOTE_CLASS.search(classes):
            self._quote_counter += 1
            return f"quote:{self._quote_counter}"
        return ""

    def _note_label(self, tag: str, element_id: str) -> str:
        """The label of the note an element holds: one a call links to, or a list item named as a note."""
        if element_id in self._targets and not self._note and tag in _NOTE_HOLDERS:
            return self._targets[element_id]
        note = _NOTE_ID.match(element_id) if tag == "li" else None
        return note.group(1) if note else ""

    def _start_note(self, label: str, tag: str) -> None:
        self._note, self._note_tag, self._note_parts = (label, self.getpos()[0]), tag, []

    def _open_link(self, attrs: dict[str, str | None]) -> None:
        href = attrs.get("href") or ""
        if _BACK_LINK.search(f"{href} {attrs.get('class') or ''}"):
            self._back_link, self._back_text = True, []
            back = _BACK_LABEL.match(href)
            if back and not self._note and not "".join(self._buffer).strip():
                self._start_note(back.group(1), self._stack[-1] if self._stack else "p")  # "[3] The note's text."
            return
        anchor = attrs.get("name") or attrs.get("id") or ""
        if not href and anchor in self._targets and not self._note and not "".join(self._buffer).strip():
            self._start_note(self._targets[anchor], self._stack[-1] if self._stack else "p")  # <a name="n3"></a>3. Text
        call = _NOTE_CALL.match(href)
        if call:
            self._targets[href[1:]] = call.group(1)
        self._links.append(f"^{call.group(1)}" if call else href if href.startswith("#") else self._address(href))
        self._buffer.append("[")

    def _address(self, href: str) -> str:
        """A link's address as the chapter keeps it: absolute, or "" (the text stays, the link goes)."""
        if not _SAFE_HREF.match(href):
            return ""  # javascript:, data: and the like
        if re.match(r"^(?:https?|mailto):", href, re.I):
            return href
        return urljoin(self._base, href) if self._base else ""  # a link within a site not named is dead in print

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self._aside:
            self._depth -= tag == self._aside
            if self._depth <= 0:
                self._end_aside()
            return
        self._article -= tag in _ARTICLE and self._article > 0
        if tag == "title":
            self._in_title = False
        elif tag in ("blockquote", "ul", "ol"):
            self.flush()
            stack = self._quotes if tag == "blockquote" else self._lists
            if stack:
                stack.pop()
        elif tag in _BLOCKS:
            self.flush(tag)
            if tag == self._note_tag and self._note and tag not in self._stack:
                self._end_note()
        else:
            self._close(tag)

    def _end_aside(self) -> None:
        hidden = self._aside in _SKIPPED
        text = " ".join(" ".join(self._aside_text).split()) if hidden else _tidy(" ".join(self._aside_text))
        if text:
            self.blocks.append(Block("hidden" if hidden else "furniture", text, (self._aside_line,)))
        self._aside, self._aside_text = "", []

    def _end_note(self) -> None:
        label, line = self._note or ("", 0)
        text = re.sub(_LEADING_LABEL.format(re.escape(label)), "", " ".join(self._note_parts))
        self.notes.append(Note(label, text, line))
        self._note = None

    def _close(self, tag: str) -> None:
        if tag in _OPEN:
            self._buffer.append(_CLOSE[_OPEN[tag]])
        elif tag == "code":
            self._buffer.append("`")
            self._code = False
        elif tag == "sup" and self._sups:
            self._close_sup(self._sups.pop())
        elif tag == "a" and self._back_link:
            self._back_link = False
            self._keep_back_text()
        elif tag == "a" and self._links:
            self._close_link(self._links.pop())

    def _keep_back_text(self) -> None:
        """A back link's words ("Back to the text") are no text of the note: set aside to be reported."""
        text = " ".join("".join(self._back_text).split())
        if any(ch.isalpha() for ch in text):
            self.blocks.append(Block("furniture", text, (self.getpos()[0],)))

    def _close_link(self, href: str) -> None:
        start = len(self._buffer) - 1 - self._buffer[::-1].index("[")
        if href.startswith("#"):  # within the page: a note call if its text is a number set as one, else plain text
            text = "".join(self._buffer[start + 1:]).strip()
            number = _CALL_TEXT.fullmatch(re.sub(f"[{_SUP_OPEN}{_SUP_CLOSE}]", "", text))
            if number and (self._sups or text[0] in f"[{_SUP_OPEN}"):
                self._targets[href[1:]] = number.group(1)
                href = f"^{number.group(1)}"
        if href.startswith("^"):
            self._buffer[start:] = [f"[{href}]"]  # a footnote call: [^3]
            self._calls.add(href[1:])
        elif not href or href.startswith("#"):
            del self._buffer[start]
        else:
            href = href.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
            self._buffer.append(f"]({href})")

    def _close_sup(self, start: int) -> None:
        """A bare superscript number: a note's own number opening it, or a call or a superscript (told later)."""
        number = _CALL_TEXT.fullmatch("".join(self._buffer[start:]).strip())
        if not number:
            return
        label = number.group(1)
        if label in self._calls and not self._note and not "".join(self._buffer[:start]).strip():
            del self._buffer[start:]  # "<p><sup>3</sup> The note.</p>": the note called as 3
            self._start_note(label, self._stack[-1] if self._stack else "p")
            return
        self._calls.add(label)
        self._buffer[start:] = [f"{_SUP_OPEN}{label}{_SUP_CLOSE}"]

    def handle_data(self, data):
        if self._aside:
            self._aside_text.append(data)
            return
        if self._in_title:
            self.title += data
            return
        if self._back_link:
            self._back_text.append(data)
            return
        if data.strip():
            self._breaks = 0
        if not "".join(self._buffer).strip():
            self._start_line = self.getpos()[0]
        self._buffer.append(data if self._code else _ESCAPE.sub(lambda m: "\\" + m.group(0), data))

    def _break(self) -> None:
        """One <br> is a line break inside a paragraph; two in a row end the paragraph."""
        self._breaks += 1
        if self._breaks == 2:
            self.flush()
        else:
            self._buffer.append(" ")

    def flush(self, closing: str | None = None) -> None:
        """End the current block: what the buffer holds becomes a block of the right kind."""
        tag = self._stack[-1] if self._stack else "p"
        role = self._roles[-1] if self._roles else ""
        quoted = next((int(role[6:]) for role in reversed(self._roles) if role.startswith("quote:")), 0)
        if closing and closing in self._stack:
            while self._stack:
                self._roles.pop()
                if self._stack.pop() == closing:
                    break
        text = _tidy("".join(self._buffer))
        self._buffer = []
        if text:
            self._add("h3" if role == "heading" else tag, text, quoted)

    def _add(self, tag: str, text: str, quoted: int = 0) -> None:
        """Add a block of the kind its element and text say; `quoted`: the group of a styled quotation it is in."""
        line = self._start_line
        if self._note:
            self._note_parts.append(text)
        elif re.fullmatch(r"h[1-6]", tag):
            self._add_heading(int(tag[1]), text, line)
        elif tag in ("figcaption", "caption"):
            self.blocks.append(Block("caption", text, (line,)))
        elif self._quotes or quoted:
            self.blocks.append(Block("quote", text, (line,), self._quotes[-1] if self._quotes else quoted))
        elif tag in ("p", "div") and _subhead(text):
            self._add_heading(3, text, line)
        elif tag == "li" or self._lists:
            self.blocks.append(Block("item", text, (line,), 1 if self._lists and self._lists[-1] == "ol" else 0))
        elif _BYLINE.match(text) and not any(block.kind == "para" for block in self.blocks):
            self.blocks.append(Block("furniture", text, (line,)))  # "By A. Writer, 1994" under the title
        else:
            self.blocks.append(Block("para", text, (line,)))

    def _add_heading(self, level: int, text: str, line: int) -> None:
        bold = _BOLD_ONLY.fullmatch(text)
        text = bold.group(1) if bold else text  # a subhead set in bold throughout
        if level == 1 and not self.heading_title:
            self.heading_title = re.sub(r"\\(.)", r"\1", re.sub(r"[*`]|\]\([^)]*\)|\[", "", text))
            self.blocks.append(Block("title", text, (line,)))
            return
        self.blocks.append(Block("heading", text, (line,), max(2, level)))


def _subhead(text: str) -> bool:
    """Bold throughout, a few words, and no sentence or question: "**Strikers Before Shopkeepers**".

    >>> _subhead("**Strikers Before Shopkeepers**"), _subhead("**Why did you stay?**"), _subhead("**It ended.** Then")
    (True, False, False)
    """
    bold = _BOLD_ONLY.fullmatch(text)
    return bool(bold) and len(bold.group(1).split()) <= _SUBHEAD_WORDS and not re.search(r"[.,;:?!]$", bold.group(1))


def _tidy(text: str) -> str:
    """Collapse white space, move spaces outside emphasis, drop empty marks and links."""
    text = re.sub(r"\s+", " ", text)
    for opening, closing in _CLOSE.items():
        text = re.sub(f"{opening}(\\s+)", f"\\1{opening}", text)
        text = re.sub(f"(\\s+){closing}", f"{closing}\\1", text)
        text = re.sub(f"{opening}{closing}", "", text)
    text = re.sub(r"\[\s*\](?:\([^)]*\))?", "", text)
    text = "".join(_MARKS.get(ch, ch) for ch in text)
    return re.sub(r"\s+", " ", text).strip()
