"""An HTML page: headings, paragraphs, block quotes, lists and emphasis, as Markdown blocks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..normalise.draft import Block, Draft

_SKIPPED = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "figcaption", "dd", "dt"}
_INLINE_MARKS = {"em": "*", "i": "*", "cite": "*", "strong": "**", "b": "**"}
_ESCAPE = re.compile(r"([\\`*_\[\]<>])")


def read(source: str, path: str) -> Draft:
    """Parse an HTML page into blocks; the <title> or first <h1> becomes the title."""
    parser = _PageParser()
    parser.feed(source)
    parser.close()
    parser._flush()  # text after the last block element (or with none at all) is text too
    draft = Draft(path=path, kind="html", markup=True, blocks=tuple(parser.blocks))
    return draft.with_meta("title", parser.title.strip())


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title = ""
        self._skip = 0
        self._in_title = False
        self._stack: list[str] = []
        self._buffer: list[str] = []
        self._start_line = 1
        self._quote_depth = 0
        self._quote_group = 0
        self._lists: list[str] = []
        self._href: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skip += 1
        if self._skip:
            return
        if tag == "title":
            self._in_title = True
        elif tag == "blockquote":
            self._flush()
            self._quote_depth += 1
            self._quote_group += 1
        elif tag in ("ul", "ol"):
            self._flush()
            self._lists.append(tag)
        elif tag in _BLOCKS:
            self._flush()
            self._stack.append(tag)
            self._start_line = self.getpos()[0]
        elif tag in _INLINE_MARKS:
            self._buffer.append(_INLINE_MARKS[tag])
        elif tag == "a":
            self._href.append(dict(attrs).get("href") or "")
            self._buffer.append("[")
        elif tag == "br":
            self._buffer.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag == "title":
            self._in_title = False
        elif tag == "blockquote":
            self._flush()
            self._quote_depth = max(0, self._quote_depth - 1)
        elif tag in ("ul", "ol"):
            self._flush()
            if self._lists:
                self._lists.pop()
        elif tag in _BLOCKS:
            self._flush(tag)
        elif tag in _INLINE_MARKS:
            self._buffer.append(_INLINE_MARKS[tag])
        elif tag == "a" and self._href:
            href = self._href.pop()
            self._buffer.append(f"]({href})" if href and not href.startswith("#") else "]")

    def handle_data(self, data):
        if self._skip:
            return
        if self._in_title:
            self.title += data
            return
        if not self._buffer:
            self._start_line = self.getpos()[0]
        self._buffer.append(_ESCAPE.sub(r"\\\1", data))

    def _flush(self, closing: str | None = None) -> None:
        tag = self._stack.pop() if closing and self._stack and self._stack[-1] == closing else (
            self._stack[-1] if self._stack else "p")
        text = _tidy("".join(self._buffer))
        self._buffer = []
        if not text:
            return
        line = self._start_line
        if tag.startswith("h") and tag[1:].isdigit():
            level = int(tag[1:])
            if level == 1 and not self.title:
                self.title = re.sub(r"\\(.)", r"\1", text)
                return
            self.blocks.append(Block("heading", text, (line,), max(2, level)))
        elif self._quote_depth:
            self.blocks.append(Block("quote", text, (line,), self._quote_group))
        elif tag == "li" or self._lists:
            numbered = 1 if self._lists and self._lists[-1] == "ol" else 0
            self.blocks.append(Block("item", text, (line,), numbered))
        else:
            self.blocks.append(Block("para", text, (line,)))


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\*\*\s*\*\*|(?<!\*)\*\s*\*(?!\*)", "", text)  # empty emphasis
    return text.replace("[]", "")
