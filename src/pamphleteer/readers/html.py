"""An HTML page: headings, paragraphs, block quotes, lists and emphasis, as Markdown blocks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..normalise.draft import Block, Draft

# Page furniture and code, never text of the piece. A <header> or <footer>
# inside the article (its title and byline, its notes) is kept.
_SKIPPED = {"script", "style", "nav", "aside", "form", "noscript", "template", "svg", "iframe", "button", "select",
            "object", "canvas", "video", "audio"}
_FURNITURE = {"header", "footer"}
_ARTICLE = {"article", "main"}
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


def read(source: str, path: str) -> Draft:
    """Parse an HTML page into blocks; the first <h1> (or else the <title>) becomes the title.

    >>> html = "<title>T</title><nav>Menu</nav><h2>Part</h2><p>A <em>very</em> good<br><br>day.</p><ul><li>one<ul><li>two</li></ul></li></ul>"
    >>> [(b.kind, b.text) for b in read(html, "x.html").blocks]
    [('heading', 'Part'), ('para', 'A *very* good'), ('para', 'day.'), ('item', 'one'), ('item', 'two')]
    """
    parser = _PageParser()
    parser.feed(source)
    parser.close()
    parser.flush()
    draft = Draft(path=path, kind="html", markup=True, blocks=tuple(parser.blocks))
    # The page's first <h1> names the piece; <title> often adds the site's name.
    return draft.with_meta("title", parser.heading_title.strip() or parser.title.strip())


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title = ""
        self._skipping = ""  # the element being skipped, and how deep in it we are
        self._depth = 0
        self._in_title = False
        self._article = 0
        self._stack: list[str] = []
        self._buffer: list[str] = []
        self._start_line = 1
        self._quotes: list[int] = []
        self._lists: list[str] = []
        self._links: list[str] = []
        self._breaks = 0
        self._quote_counter = 0
        self._code = False
        self.heading_title = ""

    def handle_starttag(self, tag, attrs):
        if self._skipping:
            self._depth += tag == self._skipping
            return
        if tag in _SKIPPED or (tag in _FURNITURE and not self._article):
            self._skipping, self._depth = tag, 1
            return
        self._article += tag in _ARTICLE
        if tag == "br":
            self._break()
        elif tag == "title":
            self._in_title = True
        else:
            self._breaks = 0
            self._open(tag, dict(attrs))

    def _open(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "blockquote":
            self.flush()
            self._quote_counter += 1
            self._quotes.append(self._quote_counter)
        elif tag in ("ul", "ol"):
            self.flush()
            self._lists.append(tag)
        elif tag in _BLOCKS:
            self.flush()
            self._stack.append(tag)
        elif tag in _OPEN:
            self._buffer.append(_OPEN[tag])
        elif tag == "code":
            self._buffer.append("`")
            self._code = True
        elif tag == "a":
            href = attrs.get("href") or ""
            self._links.append(href if _SAFE_HREF.match(href) else "")
            self._buffer.append("[")
        elif tag in ("td", "th"):
            self._buffer.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self._skipping:
            self._depth -= tag == self._skipping
            self._skipping = self._skipping if self._depth > 0 else ""
            return
        self._article -= tag in _ARTICLE and self._article > 0
        if tag == "title":
            self._in_title = False
        elif tag == "blockquote":
            self.flush()
            if self._quotes:
                self._quotes.pop()
        elif tag in ("ul", "ol"):
            self.flush()
            if self._lists:
                self._lists.pop()
        elif tag in _BLOCKS:
            self.flush(tag)
        else:
            self._close(tag)

    def _close(self, tag: str) -> None:
        if tag in _OPEN:
            self._buffer.append(_CLOSE[_OPEN[tag]])
        elif tag == "code":
            self._buffer.append("`")
            self._code = False
        elif tag == "a" and self._links:
            href = self._links.pop().replace("(", "%28").replace(")", "%29").replace(" ", "%20")
            self._buffer.append(f"]({href})" if href else "]")

    def handle_data(self, data):
        if self._skipping:
            return
        if self._in_title:
            self.title += data
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
        if closing and closing in self._stack:
            while self._stack and self._stack.pop() != closing:
                pass
        text = _tidy("".join(self._buffer))
        self._buffer = []
        if text:
            self._add(tag, text)

    def _add(self, tag: str, text: str) -> None:
        line = self._start_line
        if re.fullmatch(r"h[1-6]", tag):
            if tag == "h1" and not self.heading_title:
                self.heading_title = re.sub(r"\\(.)", r"\1", re.sub(r"[*`]|\]\([^)]*\)|\[", "", text))
                return
            self.blocks.append(Block("heading", text, (line,), max(2, int(tag[1]))))
        elif tag in ("figcaption", "caption"):
            self.blocks.append(Block("caption", text, (line,)))
        elif self._quotes:
            self.blocks.append(Block("quote", text, (line,), self._quotes[-1]))
        elif tag == "li" or self._lists:
            numbered = 1 if self._lists and self._lists[-1] == "ol" else 0
            self.blocks.append(Block("item", text, (line,), numbered))
        else:
            self.blocks.append(Block("para", text, (line,)))


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
