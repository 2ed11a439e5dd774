"""Wrap an essay in a web page: site header, navigation, share links, footnotes, footer and scripts."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..document import MARKER, Block, Document
from .common import Degraded

_EMPHASIS = re.compile(r"\*([^*]+)\*")


@dataclass(frozen=True)
class HtmlLayout:
    """The site around the article.

    Attributes:
        site: The site's name, in the header and the page title.
        byline: A "By Author, Year" line under the article's title.
        share: A share-links box (a plain <div>, not a semantic tag).
        notes: "list" for a footnotes list with back links, "word" for notes as a word processor
            exports them: calls "[3]" linking to "#_ftn3", each note a paragraph opening with its link back.
        section: The tag of section headings ("h2", or "h3" as some themes use).
    """

    site: str = "The Commons Review"
    byline: bool = True
    share: bool = True
    notes: str = "list"
    section: str = "h2"


def degrade(document: Document, layout: HtmlLayout, seed: int) -> Degraded:
    """The essay as an article page; notes are footnotes with back links, as many sites write them.

    >>> doc = Document("T", "A", 1990, (Block("para", "Said.[^1]"), Block("quote", "“No.”", 1)), ("See *B*.",))
    >>> page = degrade(doc, HtmlLayout(byline=False, share=False), 1).source
    >>> print(page[page.index("<h1>"):page.index("</article>")])
    <h1>T</h1>
    <p>Said.<sup id="fnref1"><a href="#fn1" class="footnote-ref">1</a></sup></p>
    <blockquote>
    <p>“No.”</p>
    </blockquote>
    <section class="footnotes">
    <hr>
    <ol>
    <li id="fn1"><p>See <em>B</em>. <a href="#fnref1" class="footnote-back">↩</a></p></li>
    </ol>
    </section>
    <BLANKLINE>
    """
    lines = [f"<h1>{html.escape(document.title)}</h1>"]
    furniture = [layout.site, "Home", "Archive", "About us", f"© {layout.site}. Some rights reserved."]
    if layout.byline:
        lines.append(f'<p class="byline">By {document.author}, {document.year}</p>')
        furniture.append(f"By {document.author}, {document.year}")
    lines += _article(document.blocks, layout)
    lines += _footnotes(document.notes) if layout.notes == "list" else _word_notes(document.notes)
    if layout.share:
        lines.append('<div class="share">Share this article: Email · Print · Mastodon</div>')
        furniture.append("Share this article: Email · Print · Mastodon")
    page = _PAGE.format(title=html.escape(document.title), site=layout.site, article="\n".join(lines) + "\n")
    return Degraded("html", page, tuple(furniture), "article inside site boilerplate")


def _article(blocks: tuple[Block, ...], layout: HtmlLayout) -> list[str]:
    lines: list[str] = []
    previous: Block | None = None
    for block in blocks:
        continues = previous is not None and previous.kind == block.kind and previous.group == block.group
        if previous is not None and previous.kind in ("quote", "item") and not continues:
            lines.append("</blockquote>" if previous.kind == "quote" else "</ul>")
        if block.kind in ("quote", "item") and not continues:
            lines.append("<blockquote>" if block.kind == "quote" else "<ul>")
        tag = {"heading": layout.section, "item": "li"}.get(block.kind, "p")
        lines.append(f"<{tag}>{_inline(block.text, layout.notes)}</{tag}>")
        previous = block
    if previous is not None and previous.kind in ("quote", "item"):
        lines.append("</blockquote>" if previous.kind == "quote" else "</ul>")
    return lines


def _inline(text: str, notes: str = "list") -> str:
    text = _EMPHASIS.sub(r"<em>\1</em>", html.escape(text, quote=False))
    if notes == "word":
        return MARKER.sub(lambda m: f'<a href="#_ftn{m.group(1)}" name="_ftnref{m.group(1)}">[{m.group(1)}]</a>', text)
    return MARKER.sub(lambda m: f'<sup id="fnref{m.group(1)}"><a href="#fn{m.group(1)}" class="footnote-ref">'
                                f"{m.group(1)}</a></sup>", text)


def _footnotes(notes: tuple[str, ...]) -> list[str]:
    if not notes:
        return []
    items = [f'<li id="fn{n}"><p>{_inline(text)} <a href="#fnref{n}" class="footnote-back">↩</a></p></li>'
             for n, text in enumerate(notes, start=1)]
    return ['<section class="footnotes">', "<hr>", "<ol>", *items, "</ol>", "</section>"]


def _word_notes(notes: tuple[str, ...]) -> list[str]:
    return ["<hr>"] + [f'<p><a href="#_ftnref{n}" name="_ftn{n}">[{n}]</a> {_inline(text)}</p>'
                       for n, text in enumerate(notes, start=1)] if notes else []


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = window.dataLayer || []; function track(){{dataLayer.push(arguments);}}</script>
<style>.share {{ font-size: small; }}</style>
</head>
<body>
<header>
<div class="brand"><a href="/">{site}</a></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/archive">Archive</a></li><li><a href="/about">About us</a></li></ul></nav>
</header>
<main>
<article>
{article}</article>
</main>
<footer>
<p>© {site}. Some rights reserved.</p>
</footer>
<script src="/static/analytics.js"></script>
<script>track("page", "article");</script>
</body>
</html>
"""
