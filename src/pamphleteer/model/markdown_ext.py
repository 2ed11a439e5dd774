"""Python-Markdown configured for chapters: notes and citations as elements, no raw HTML."""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as etree

import markdown
from markdown.blockprocessors import BlockQuoteProcessor
from markdown.inlinepatterns import InlineProcessor

NOTE_REF = r"\[\^([^\]\s]+)\]"
# Pandoc's citation syntax: [@key], [@key, p. 3], [see @key, pp. 3-4].
CITATION = r"\[([^\[\]@]*?)@([\w][\w:.#$%&\-+?<>~/]*)(?:,\s*([^\[\]]+?))?\]"


class _NoteRefPattern(InlineProcessor):
    def handleMatch(self, m, data):
        element = etree.Element("noteref")
        element.set("label", m.group(1))
        return element, m.start(0), m.end(0)


class _CitationPattern(InlineProcessor):
    def handleMatch(self, m, data):
        element = etree.Element("cite")
        element.set("prefix", m.group(1).strip())
        element.set("key", m.group(2))
        element.set("locator", (m.group(3) or "").strip())
        return element, m.start(0), m.end(0)


class _SeparateBlockQuotes(BlockQuoteProcessor):
    """A blank line ends a block quote, as in CommonMark and Pandoc.

    Python-Markdown merges "> a" and "> b" separated by a blank line into
    one quote; chapters need two quotations in a row to stay two.
    """

    def run(self, parent, blocks):
        block = blocks.pop(0)
        match = self.RE.search(block)
        if match:
            self.parser.parseBlocks(parent, [block[: match.start()]])
            block = "\n".join(self.clean(line) for line in block[match.start():].split("\n"))
        quote = etree.SubElement(parent, "blockquote")
        self.parser.state.set("blockquote")
        self.parser.parseChunk(quote, block)
        self.parser.state.reset()


def chapter_markdown() -> markdown.Markdown:
    """A Markdown parser for chapter text.

    >>> [p.text for p in parse_tree(chapter_markdown(), "Price \\\\$35 at AT\\\\&T, \\\\<b\\\\>.").iter("p")]
    ['Price $35 at AT&T, <b>.']
    """
    md = markdown.Markdown(extensions=[])
    # Any ASCII punctuation may be escaped, as in Pandoc and CommonMark: converters write "\$35" and
    # "AT\&T", which Python-Markdown alone would print with their backslashes.
    md.ESCAPED_CHARS = list(string.punctuation)
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.register(_NoteRefPattern(NOTE_REF, md), "noteref", 175)
    md.inlinePatterns.register(_CitationPattern(CITATION, md), "citation", 174)
    md.parser.blockprocessors.register(_SeparateBlockQuotes(md.parser), "quote", 20)
    return md


def parse_tree(md: markdown.Markdown, text: str) -> etree.Element:
    """Parse `text` and return the element tree's root.

    What `Markdown.convert` does up to the finished tree: the model is built
    from the tree, so writing it out as HTML would be wasted work (and
    `convert` returns early on blank text, leaving no tree of its own).

    >>> [element.tag for element in parse_tree(chapter_markdown(), "A *word*.").iter()]
    ['div', 'p', 'em']
    >>> len(parse_tree(chapter_markdown(), "  "))
    0
    """
    md.reset()
    lines = text.split("\n")
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    for treeprocessor in md.treeprocessors:
        replaced = treeprocessor.run(root)
        if replaced is not None:
            root = replaced
    return root
